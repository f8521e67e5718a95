import { Link } from "@remix-run/react";
import type { CatalogFilters } from "~/lib/catalog-filters";
import { catalogUrl } from "~/lib/urls";

/** Pages around the current one, plus the first and the last. */
function visiblePages(current: number, count: number): (number | "…")[] {
  const pages = new Set([1, count, current - 1, current, current + 1].filter((p) => p >= 1 && p <= count));
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((page, i) => (i > 0 && page - sorted[i - 1]! > 1 ? ["…" as const, page] : [page]));
}

export function Pagination({ filters, pageCount }: { filters: CatalogFilters; pageCount: number }) {
  if (pageCount <= 1) return null;
  const current = Math.min(filters.page, pageCount);
  const item = "inline-flex h-11 min-w-11 items-center justify-center rounded-xl px-3 text-sm font-semibold";
  const idle = `${item} border border-slate-300 bg-white text-slate-800 hover:border-brand dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`;
  return (
    <nav aria-label="Pagination" className="mt-8 flex flex-wrap items-center justify-center gap-2">
      {current > 1 ? (
        <Link to={catalogUrl({ ...filters, page: current - 1 })} className={idle} rel="prev">
          Précédent
        </Link>
      ) : null}
      {visiblePages(current, pageCount).map((page, i) =>
        page === "…" ? (
          <span key={`gap-${i}`} className="px-1 text-slate-500">
            …
          </span>
        ) : page === current ? (
          <span key={page} aria-current="page" className={`${item} bg-brand text-white`}>
            {page}
          </span>
        ) : (
          <Link key={page} to={catalogUrl({ ...filters, page })} className={idle} aria-label={`Page ${page}`}>
            {page}
          </Link>
        ),
      )}
      {current < pageCount ? (
        <Link to={catalogUrl({ ...filters, page: current + 1 })} className={idle} rel="next">
          Suivant
        </Link>
      ) : null}
    </nav>
  );
}
