import { isLakeOutage } from "../platform/lake-outage.server";
import type { Order } from "../orders/order-document";
import { getOrder, tokensMatch } from "../orders/orders.server";

/**
 * A provider callback names its order and that order's callback token in its URL. Both are
 * checked before a byte of the body is read: a caller who does not know the token costs one
 * lookup, never a body to receive and parse. Every callback route starts here.
 */
export type CallbackCaller = { ok: true; order: Order } | { ok: false; response: Response };

const answer = (status: number, error: string) =>
  Response.json({ ok: false, error }, { status, headers: { "Cache-Control": "no-store" } });

export async function authenticateCallback(request: Request): Promise<CallbackCaller> {
  if (request.method !== "POST") return { ok: false, response: answer(405, "POST only") };
  const url = new URL(request.url);
  try {
    const order = await getOrder(url.searchParams.get("commande") ?? "");
    if (!order || !tokensMatch(url.searchParams.get("jeton"), order.callbackToken)) {
      return { ok: false, response: answer(404, "unknown order") };
    }
    return { ok: true, order };
  } catch (error) {
    if (!isLakeOutage(error)) throw error;
    // The provider retries on 5xx: the news is not lost.
    return { ok: false, response: answer(503, "orders unavailable, retry later") };
  }
}

/** The callback's JSON body (its size is bounded by server/request-guard.ts). */
export async function readCallbackJson(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await request.json() };
  } catch {
    return { ok: false, response: answer(400, "body is not JSON") };
  }
}
