import { canRetryPayment } from "./order-state.server";
import { getOrderForShopper, type Order } from "./orders.server";
import { providersFor } from "./payments/registry.server";
import { confirmPayments, startPayment, type StartResult } from "./payments.server";

/**
 * What the buyer sees of an order: only with its link's token, never its secrets, and fresh from
 * the lake. While a payment is pending, viewing the page asks the provider (at most every few
 * seconds per order), so a shopper whose callback is late still sees the truth.
 */
const CHECK_EVERY_MS = 3_000;
const lastChecked = new Map<string, number>();

function shouldAskProvider(order: Order, now = Date.now()): boolean {
  if (order.status !== "pending") return false;
  const last = lastChecked.get(order.number) ?? 0;
  if (now - last < CHECK_EVERY_MS) return false;
  lastChecked.set(order.number, now);
  if (lastChecked.size > 10_000) lastChecked.clear();
  return true;
}

export async function loadOrderPage(number: string, token: string | null) {
  let order = await getOrderForShopper(number, token);
  if (!order) return null;
  if (shouldAskProvider(order)) order = (await confirmPayments(order, "order-page")).order;
  const latest = order.payments?.at(-1);
  const canRetry = canRetryPayment(order.status) || (order.status === "pending" && latest?.state === "error");
  return {
    number: order.number,
    status: order.status,
    currency: order.currency,
    total: order.total,
    lines: order.lines,
    createdAt: order._createdAt,
    paidAt: order.paidAt ?? null,
    canRetry,
    retryProviders: canRetry ? providersFor(order.currency).map(({ id, label }) => ({ id, label })) : [],
  };
}

export async function retryPayment(
  number: string,
  token: string | null,
  paymentMethod: FormDataEntryValue | null,
  origin: string,
): Promise<StartResult> {
  const order = await getOrderForShopper(number, token);
  if (!order) return { kind: "error", message: "Commande introuvable." };
  if (paymentMethod !== "lygos" && paymentMethod !== "lengo") {
    return { kind: "error", message: "Choisissez un moyen de paiement." };
  }
  return startPayment(order, paymentMethod, origin);
}
