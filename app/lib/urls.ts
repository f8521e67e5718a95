import { DEFAULT_SORT, type CatalogFilters } from "./catalog-filters";

/**
 * Every URL the shop links to, redirects to or prints, built in one place: the route files decide
 * the paths, these functions are the only other code that knows them. Browser-safe (no secrets).
 */

export const HOME_URL = "/";
export const CART_URL = "/panier";
export const MY_ORDERS_URL = "/mes-commandes";
export const MY_ORDERS_LIST_URL = "/mes-commandes/liste";
export const THEME_URL = "/theme";

export function productUrl(slug: string): string {
  return `/produits/${encodeURIComponent(slug)}`;
}

/** The catalogue's state lives in its URL: these names are what shoppers see and share. */
export function catalogUrl(filters: Partial<CatalogFilters> = {}): string {
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

export function categoryUrl(slug: string): string {
  return catalogUrl({ category: slug });
}

export function cmsPageUrl(slug: string): string {
  return `/pages/${encodeURIComponent(slug)}`;
}

/** The checkout, for the cart or (« Acheter maintenant ») for one product. */
export function checkoutUrl(productId?: string | null): string {
  return productId ? `/commande?produit=${encodeURIComponent(productId)}` : "/commande";
}

/** An order's private page: the token is the shopper's only key to it. `hash` names a section (no #). */
export function orderUrl(number: string, token: string | null, hash?: string): string {
  return `/commande/${number}?t=${encodeURIComponent(token ?? "")}${hash ? `#${hash}` : ""}`;
}

export function downloadUrl(number: string, lineKey: string, fileKey: string, token: string): string {
  return `/telechargement/${number}/${lineKey}/${fileKey}?t=${encodeURIComponent(token)}`;
}

/** Where a payment provider sends the shopper back (absolute: it leaves the site). */
export function paymentReturnUrl(origin: string, provider: string, number: string, token: string): string {
  return `${origin}/paiement/${provider}/retour?commande=${number}&t=${encodeURIComponent(token)}`;
}

export function previewExitUrl(path: string): string {
  return `/apercu/quitter?redirection=${encodeURIComponent(path)}`;
}
