/**
 * A content lake that cannot be reached is not a bug in the page: the shopper gets 503 « réessayez
 * dans un instant » with Retry-After instead of a 500. Remix reports every error a loader or an
 * action threw to `handleError` (entry.server.tsx) before it answers; the outage is noted on the
 * request there and turned into the status and header when the answer is built.
 */
export const RETRY_AFTER_SECONDS = 15;

/** Connection failures of @sanity/client (Node's codes, also as an undici `cause`). */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function isLakeOutage(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth += 1) {
    const { code, statusCode, cause } = current as { code?: unknown; statusCode?: unknown; cause?: unknown };
    if (typeof code === "string" && UNREACHABLE.has(code)) return true;
    // @sanity/client's ServerError: the lake answered, but with a 5xx.
    if (typeof statusCode === "number" && statusCode >= 500 && statusCode <= 599) return true;
    current = cause;
  }
  return false;
}

const requestsHitByOutage = new WeakSet<Request>();

/** Called with every error Remix reports; true when it was the lake being unreachable. */
export function noteLakeOutage(request: Request, error: unknown): boolean {
  if (!isLakeOutage(error)) return false;
  requestsHitByOutage.add(request);
  return true;
}

export function hitByLakeOutage(request: Request): boolean {
  return requestsHitByOutage.has(request);
}

export const OUTAGE_HEADERS = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "private, no-store" };
