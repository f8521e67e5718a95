import type { Order } from "./order-document";
import { getOrderForShopper } from "./orders.server";
import { allow } from "../platform/rate-limit.server";

/**
 * What the order page's requests that cost the shop something (« Renvoyer mes accès » sends mail,
 * « J'ai payé mais je n'ai rien reçu » asks the providers) go through first: the order from its
 * number and its link's token, the request's own checks, then a limit per visitor address and per
 * order. The limit counts only requests that passed the checks, so a refused one does not use up
 * the buyer's tries.
 */
export interface OrderRequestLimit {
  /** Names the limit's counters: `NAME-ip:ADDRESS` and `NAME:ORDER_NUMBER`. */
  name: string;
  perOrder: number;
  perIp: number;
  windowMs: number;
  /** What the shopper reads once past the limit. */
  tooMany: string;
}

export type OrderRequestRefusal = { ok: false; status: 404 | 429; error: string };

export async function admitOrderRequest<Value, Refusal extends { ok: false }>(
  request: { number: string; token: string | null; ip: string },
  limit: OrderRequestLimit,
  check: (order: Order) => { ok: true; value: Value } | Refusal,
): Promise<{ ok: true; order: Order; value: Value } | Refusal | OrderRequestRefusal> {
  const order = await getOrderForShopper(request.number, request.token);
  if (!order)
    return {
      ok: false,
      status: 404,
      error: "Commande introuvable. Ouvrez la page de votre commande depuis le lien reçu par e-mail.",
    };
  const checked = check(order);
  if (!checked.ok) return checked;
  if (
    !(await allow(`${limit.name}-ip:${request.ip}`, limit.perIp, limit.windowMs)) ||
    !(await allow(`${limit.name}:${order.number}`, limit.perOrder, limit.windowMs))
  ) {
    return { ok: false, status: 429, error: limit.tooMany };
  }
  return { ok: true, order, value: checked.value };
}
