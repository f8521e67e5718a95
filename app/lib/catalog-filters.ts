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

export interface CatalogFilters {
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  onSale: boolean;
  sort: Sort;
  q?: string;
  page: number;
}
