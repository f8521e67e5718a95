import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CatalogFilters } from "~/components/CatalogFilters";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { Pagination } from "~/components/Pagination";
import { ProductGrid } from "~/components/ProductGrid";
import { DEFAULT_SORT } from "~/lib/catalog-filters";
import { notFound, pageHeaders, promoEnds, publicPageHeaders } from "~/modules/platform/http.server";
import { useLayout } from "~/lib/layout";
import { pageMeta } from "~/lib/seo";
import { defaultCatalogContext } from "~/modules/catalog/context.server";
import { getCatalogPage, parseCatalogFilters } from "~/modules/catalog/listing.server";
import { buildSeo } from "~/modules/catalog/seo.server";
import { catalogUrl } from "~/lib/urls";

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseCatalogFilters(new URL(request.url).searchParams);
  const ctx = defaultCatalogContext();
  const { layout, ...page } = await getCatalogPage(filters, ctx);
  if (page.unknownCategory) throw notFound("Cette catégorie", publicPageHeaders([], ctx.now));
  const heading =
    page.category?.title ??
    (filters.q ? `Résultats pour « ${filters.q} »` : filters.onSale ? "Promotions" : "Tous nos produits");
  const narrowed = Boolean(
    filters.q || filters.minPrice !== undefined || filters.maxPrice !== undefined || filters.sort !== DEFAULT_SORT,
  );
  const seo = buildSeo({
    request,
    layout,
    title: filters.page > 1 ? `${heading} – page ${filters.page}` : heading,
    description:
      page.category?.description ??
      `${page.total} produits numériques livrés immédiatement : formations, guides, IA, abonnements.`,
    path: catalogUrl({ category: filters.category, onSale: filters.onSale, page: filters.page }),
    noindex: narrowed,
  });
  return data({ ...page, heading, seo }, { headers: publicPageHeaders(promoEnds(page.items), ctx.now) });
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = pageMeta;

export default function Catalogue() {
  const { filters, category, total, pageCount, items, heading } = useLoaderData<typeof loader>();
  const layout = useLayout();
  const hasFilters = Boolean(
    filters.q || filters.category || filters.onSale || filters.minPrice !== undefined || filters.maxPrice !== undefined,
  );
  return (
    <div className="container-page py-6 sm:py-10">
      <div className="mb-4">
        <h1 className="text-2xl font-extrabold text-slate-900 dark:text-white sm:text-3xl">{heading}</h1>
        {category?.description ? (
          <p className="mt-1 text-slate-600 dark:text-slate-400">{category.description}</p>
        ) : null}
        <p className="mt-2 text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
          {total === 0 ? "Aucun produit" : `${total} produit${total > 1 ? "s" : ""}`}
          {hasFilters ? (
            <>
              {" · "}
              <Link to={catalogUrl()} className="font-semibold text-brand hover:underline dark:text-brand-light">
                Effacer les filtres
              </Link>
            </>
          ) : null}
        </p>
      </div>
      <CatalogFilters key={JSON.stringify(filters)} filters={filters} categories={layout.categories} />
      <div className="mt-6">
        {/* Cards are h3, under a heading of their own. */}
        <h2 className="sr-only">Produits</h2>
        {items.length ? (
          <ProductGrid products={items} currency={layout.settings.currency} eagerCount={2} />
        ) : (
          <div className="rounded-2xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
            <p className="font-semibold text-slate-800 dark:text-slate-100">
              {total > 0 ? "Cette page est vide." : "Aucun produit ne correspond à votre recherche."}
            </p>
            <Link to={total > 0 ? catalogUrl({ ...filters, page: 1 }) : catalogUrl()} className="btn-primary mt-4">
              {total > 0 ? "Revenir à la première page" : "Voir tous les produits"}
            </Link>
          </div>
        )}
      </div>
      <Pagination filters={filters} pageCount={pageCount} />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
