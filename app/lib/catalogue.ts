/** The catalogue's state lives in its URL: these names are what shoppers see and share. */
export const SORTS = {
  nouveautes: "Nouveautés",
  populaires: "Populaires",
  "prix-croissant": "Prix croissant",
  "prix-decroissant": "Prix décroissant",
} as const;

export type Sort = keyof typeof SORTS;

export const DEFAULT_SORT: Sort = "nouveautes";
export const PAGE_SIZE = 24;

export interface CatalogueFilters {
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  onSale: boolean;
  sort: Sort;
  q?: string;
  page: number;
}

export function catalogueHref(filters: Partial<CatalogueFilters> = {}): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.category) params.set("categorie", filters.category);
  if (filters.minPrice !== undefined) params.set("min", String(filters.minPrice));
  if (filters.maxPrice !== undefined) params.set("max", String(filters.maxPrice));
  if (filters.onSale) params.set("promo", "1");
  if (filters.sort && filters.sort !== DEFAULT_SORT) params.set("tri", filters.sort);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `/produits?${query}` : "/produits";
}
