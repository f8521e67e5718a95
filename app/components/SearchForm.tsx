import { Form } from "@remix-run/react";
import { Icon } from "./Icon";
import { catalogUrl } from "~/lib/urls";

export function SearchForm({ defaultValue, id }: { defaultValue?: string; id: string }) {
  return (
    <Form method="get" action={catalogUrl()} role="search" className="relative w-full">
      <label htmlFor={id} className="sr-only">
        Rechercher un produit
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="Rechercher un produit…"
        autoComplete="off"
        enterKeyHint="search"
        className="field h-11 rounded-full pl-4 pr-12"
      />
      <button
        type="submit"
        className="absolute right-1 top-1/2 inline-flex h-9 w-9 -translate-y-1/2 items-center justify-center rounded-full bg-brand text-white hover:bg-brand-dark"
        aria-label="Rechercher"
      >
        <Icon name="search" className="h-4 w-4" />
      </button>
    </Form>
  );
}
