import { data, type HeadersFunction } from "@remix-run/node";
import type { ProductCardView } from "../../lib/catalog-types";

/**
 * Cache policy (decision 013). Private by default: the server answers `private, no-store` for
 * any response that states no policy (server/cache-policy.ts). A page that may be kept by shared
 * caches opts in with `publicPageHeaders` in its loader; every page route exports `pageHeaders`
 * as `headers`, so what its loader (or action, or error) says reaches the document and its `.data`.
 */
export const PRIVATE_HEADERS = { "Cache-Control": "private, no-store" } as const;

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
    }),
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

/**
 * Every page route's `headers` export: an error's headers when one is shown, else the action's
 * when the request ran one (a form answer is never the cached page), else the loader's.
 */
export const pageHeaders: HeadersFunction = ({ errorHeaders, actionHeaders, loaderHeaders }) => {
  if (errorHeaders) return errorHeaders;
  return actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders;
};

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * A form action's body: only what a form sends (urlencoded or multipart), 415 otherwise, 400 when
 * it cannot be parsed. Thrown as responses, so the page shows the French error and `.data`
 * requests get the status. Its size is bounded before this runs (server/request-guard.ts).
 */
export async function readForm(request: Request): Promise<FormData> {
  if (!FORM_TYPES.test(request.headers.get("Content-Type") ?? "")) {
    throw new Response("Expected a form body (application/x-www-form-urlencoded or multipart/form-data).", {
      status: 415,
      headers: PRIVATE_HEADERS,
    });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response("The form body could not be parsed.", { status: 400, headers: PRIVATE_HEADERS });
  }
}

/**
 * A 404 for a route's error boundary, which keeps the shop's header and footer: `what` names the
 * missing thing in the French copy (« Ce produit n'existe pas… »).
 */
export function notFound(what: string, headers?: HeadersInit) {
  return data({ what }, { status: 404, headers });
}
