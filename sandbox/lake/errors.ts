/**
 * Errors carry the exact status and body the real Content Lake sends, because
 * @sanity/client builds its error messages (and `details`) from those bodies.
 */
export class LakeError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? JSON.stringify(body));
  }
}

/** Gateway-style errors (auth, routing) use the flat `{error, message, statusCode}` shape. */
function gatewayError(status: number, error: string, message: string): LakeError {
  return new LakeError(status, { error, message, statusCode: status }, message);
}

export const unauthorized = (message: string) => gatewayError(401, "Unauthorized", message);
export const notFound = (message: string) => gatewayError(404, "Not Found", message);
export const methodNotAllowed = (message: string) => gatewayError(405, "Method Not Allowed", message);

/** API errors use the nested `{error: {description, type, ...}}` shape. */
export function apiError(status: number, type: string, description: string, extra: Record<string, unknown> = {}) {
  return new LakeError(status, { error: { description, type, ...extra } }, description);
}

export const badRequest = (description: string) => apiError(400, "httpBadRequest", description);

export function invalidRequestBody(description: string, body: string): LakeError {
  const max = 1000;
  return apiError(400, "httpInvalidRequestBody", description, {
    body: body.slice(0, max),
    bodyTruncated: body.length > max,
  });
}

export function queryParseError(description: string, query: string, start: number, end: number): LakeError {
  return apiError(400, "queryParseError", description, { query, start, end });
}

export interface MutationErrorItem {
  index: number;
  error: { type: string; description: string; [key: string]: unknown };
}

/** One failed mutation fails the whole transaction; the body lists which one and why. */
export function mutationError(status: number, items: MutationErrorItem[]): LakeError {
  const first = items[0]?.error.description ?? "unknown error";
  return apiError(status, "mutationError", `Mutation failed: ${first}`, { items });
}

/** Thrown while applying mutations; turned into a `mutationError` with the failing index. */
export class MutationFailure extends Error {
  constructor(
    readonly status: number,
    readonly detail: { type: string; description: string; [key: string]: unknown },
  ) {
    super(detail.description);
  }
}
