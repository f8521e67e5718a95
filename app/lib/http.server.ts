import type { ProductCardView } from "./catalog-types";

/**
 * Shared-cache headers for public catalogue pages. Shorter when something on the page (a promo
 * price, a banner) ends sooner, so that no cache keeps showing it past its end. `Vary: Cookie`
 * because the theme cookie changes the HTML.
 */
const MAX_AGE_S = 60;
const STALE_S = 600;

export function publicPageHeaders(changesAt: (string | null | undefined)[] = [], now = new Date()): HeadersInit {
  const untilChange = Math.min(
    MAX_AGE_S,
    ...changesAt.flatMap((iso) => {
      const seconds = iso ? Math.floor((Date.parse(iso) - now.getTime()) / 1000) : Number.NaN;
      return seconds >= 0 ? [seconds] : [];
    })
  );
  return {
    "Cache-Control":
      untilChange < MAX_AGE_S
        ? `public, max-age=${untilChange}, must-revalidate`
        : `public, max-age=${MAX_AGE_S}, s-maxage=${MAX_AGE_S}, stale-while-revalidate=${STALE_S}`,
    Vary: "Cookie",
  };
}

export function promoEnds(products: ProductCardView[]): (string | null)[] {
  return products.map((product) => product.offer.promoEndsAt);
}
