import { Form, useSubmit } from "@remix-run/react";
import type { ChangeEvent } from "react";
import { SORTS, type CatalogFilters as Filters } from "~/lib/catalog-filters";
import type { CategoryLink } from "~/lib/catalog-types";
import { catalogUrl } from "~/lib/urls";

/**
 * A GET form: every choice ends up in the URL, and it works without JavaScript through its button.
 * With JavaScript, picking a category, a sort or the promo box applies at once.
 */
export function CatalogFilters({ filters, categories }: { filters: Filters; categories: CategoryLink[] }) {
  const submit = useSubmit();
  const applyNow = (event: ChangeEvent<HTMLSelectElement | HTMLInputElement>) => submit(event.currentTarget.form);
  const label = "mb-1 block text-xs font-semibold text-slate-600 dark:text-slate-400";
  return (
    <Form
      method="get"
      action={catalogUrl()}
      className="grid grid-cols-2 gap-3 rounded-2xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900 lg:grid-cols-[1.2fr_1fr_1.4fr_auto_auto] lg:items-end"
    >
      {filters.q ? <input type="hidden" name="q" value={filters.q} /> : null}
      <div>
        <label htmlFor="filtre-categorie" className={label}>
          Catégorie
        </label>
        <select
          id="filtre-categorie"
          name="categorie"
          defaultValue={filters.category ?? ""}
          onChange={applyNow}
          className="field"
        >
          <option value="">Toutes</option>
          {categories.map((category) => (
            <option key={category.slug} value={category.slug}>
              {category.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filtre-tri" className={label}>
          Trier par
        </label>
        <select id="filtre-tri" name="tri" defaultValue={filters.sort} onChange={applyNow} className="field">
          {Object.entries(SORTS).map(([value, title]) => (
            <option key={value} value={value}>
              {title}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="col-span-2 lg:col-span-1">
        <legend className={label}>Prix (F CFA)</legend>
        <div className="flex items-center gap-2">
          <label htmlFor="filtre-min" className="sr-only">
            Prix minimum
          </label>
          <input
            id="filtre-min"
            type="number"
            name="min"
            min={0}
            step={100}
            inputMode="numeric"
            placeholder="Min"
            defaultValue={filters.minPrice}
            className="field"
          />
          <span aria-hidden="true" className="text-slate-400">
            –
          </span>
          <label htmlFor="filtre-max" className="sr-only">
            Prix maximum
          </label>
          <input
            id="filtre-max"
            type="number"
            name="max"
            min={0}
            step={100}
            inputMode="numeric"
            placeholder="Max"
            defaultValue={filters.maxPrice}
            className="field"
          />
        </div>
      </fieldset>
      <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded-xl border border-slate-300 px-3 text-sm font-semibold text-slate-800 has-[:checked]:border-red-500 has-[:checked]:bg-red-50 has-[:checked]:text-red-700 dark:border-slate-700 dark:text-slate-100 dark:has-[:checked]:bg-red-950 dark:has-[:checked]:text-red-300">
        <input
          type="checkbox"
          name="promo"
          value="1"
          defaultChecked={filters.onSale}
          onChange={applyNow}
          className="h-4 w-4 accent-red-600"
        />
        En promo
      </label>
      <button type="submit" className="btn-primary">
        Appliquer
      </button>
    </Form>
  );
}
