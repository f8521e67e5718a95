import { onOrderPaid } from "./delivery.server";
import { settleDiscountUse } from "./discounts.server";
import { getEnv } from "./env.server";
import type { EventSource } from "./order-state.server";
import {
  addPaymentAttempt,
  applyObservation,
  getOrder,
  newKey,
  updatePaymentAttempt,
  type Order,
  type PaymentAttempt,
} from "./orders.server";
import { isPaymentProviderError, ProviderUnavailable } from "./payments/errors";
import type { ProviderId, Wallet } from "./payments/provider";
import { getPlugin, getProvider } from "./payments/registry.server";

/**
 * Payment flows over the one provider interface: start a payment for an order, and confirm it
 * by asking the provider, never by believing a redirect or a callback.
 */

const GENERIC_FAILURE = "Le paiement n'a pas pu être lancé. Réessayez dans un instant ou choisissez un autre moyen de paiement.";
const CLAIM_WAIT_MS = 10_000;

export function orderPageUrl(origin: string, order: Pick<Order, "number" | "accessToken">): string {
  return `${origin}/commande/${order.number}?t=${encodeURIComponent(order.accessToken)}`;
}

function returnUrl(origin: string, provider: ProviderId, order: Order): string {
  return `${origin}/paiement/${provider}/retour?commande=${order.number}&t=${encodeURIComponent(order.accessToken)}`;
}

/** One route for every provider's callback; Lengo's live payments carry exactly this URL. */
function callbackUrl(origin: string, provider: ProviderId, order: Order): string {
  return `${origin}/api/paiement/${provider}?commande=${order.number}&jeton=${encodeURIComponent(order.callbackToken)}`;
}

export type StartResult =
  | { kind: "redirect"; url: string }
  /** `providerDown`: the provider could not be reached (timeout, 5xx): another may take the same order. */
  | { kind: "error"; message: string; providerDown?: boolean };

/**
 * Creates the provider payment for an order that is already written. The attempt is claimed on
 * the order (revision-checked) before the provider is called: a double submit waits for the
 * first submit's payment page instead of creating a second payment.
 */
export async function startPayment(order: Order, providerId: ProviderId, origin: string, wallet?: Wallet): Promise<StartResult> {
  if (order.status === "paid") return { kind: "redirect", url: orderPageUrl(origin, order) };
  const provider = getProvider(providerId);
  const plugin = getPlugin(providerId);
  if (!provider || !plugin || !provider.supportsCurrency(order.currency)) {
    return { kind: "error", message: "Ce moyen de paiement n'est pas disponible pour le moment." };
  }

  const open = order.payments?.at(-1);
  if (open?.provider === providerId && open.state === "pending" && open.redirectUrl) {
    return { kind: "redirect", url: open.redirectUrl };
  }

  const attempt: PaymentAttempt = {
    _key: newKey(),
    provider: providerId,
    reference: plugin.referenceFor(order.number, (order.payments?.length ?? 0) + 1) ?? "",
    amount: order.total,
    currency: order.currency,
    state: "creating",
    ...(wallet ? { country: wallet.country, operator: wallet.operator } : {}),
    createdAt: new Date().toISOString(),
  };
  const claimed = await addPaymentAttempt(order, attempt, providerId);
  if (claimed.order.payments.at(-1)?._key !== attempt._key) return waitForOtherSubmit(order.number, origin);

  try {
    const created = await provider.createPayment({
      order: {
        reference: attempt.reference || order.number,
        amount: order.total,
        currency: order.currency,
        description: `Commande ${order.number}`,
      },
      returnUrls: { success: returnUrl(origin, providerId, order), failure: `${returnUrl(origin, providerId, order)}&issue=echec` },
      ...(plugin.parseCallback ? { callbackUrl: callbackUrl(origin, providerId, order) } : {}),
    });
    if (created.amount !== order.total || created.currency.toUpperCase() !== order.currency) {
      await provider.cancel?.(created).catch(() => undefined);
      throw new Error(
        `${providerId} created a payment of ${created.amount} ${created.currency} for an order of ${order.total} ${order.currency}`,
      );
    }
    await updatePaymentAttempt(claimed.order, attempt._key, {
      state: "pending",
      reference: created.reference,
      redirectUrl: created.redirectUrl,
      ...(created.gatewayId ? { gatewayId: created.gatewayId } : {}),
    });
    return { kind: "redirect", url: created.redirectUrl };
  } catch (error) {
    const developerMessage = error instanceof Error ? error.message : String(error);
    console.error(`payment start failed for ${order.number} via ${providerId}: ${developerMessage}`);
    // In the payment log too: a failover leaves both attempts there, the failed one first.
    await updatePaymentAttempt(claimed.order, attempt._key, { state: "error", error: developerMessage }, undefined, {
      source: "checkout",
      provider: providerId,
      reference: attempt.reference,
      rawStatus: "",
      state: "error",
      note: `payment not created: ${developerMessage}`,
    });
    return {
      kind: "error",
      message: isPaymentProviderError(error) ? error.shopperMessage : GENERIC_FAILURE,
      providerDown: error instanceof ProviderUnavailable,
    };
  }
}

/**
 * Failover: the wallet's providers in the routing table's order, the next one tried only when
 * the previous could not be reached (timeout, 5xx). Same order, one attempt after the other, so
 * the claim in `startPayment` still allows one open payment at a time; a provider that answered
 * (even with a refusal) is not second-guessed.
 */
export async function startPaymentOnRoute(order: Order, providers: readonly ProviderId[], wallet: Wallet, origin: string): Promise<StartResult> {
  let result: StartResult = { kind: "error", message: "Ce moyen de paiement n'est pas disponible pour le moment." };
  for (const [index, providerId] of providers.entries()) {
    const current = index === 0 ? order : ((await getOrder(order.number)) ?? order);
    result = await startPayment(current, providerId, origin, wallet);
    if (result.kind === "redirect" || !result.providerDown) return result;
    if (index < providers.length - 1) console.warn(`payment for ${order.number}: ${providerId} is down, trying ${providers[index + 1]}`);
  }
  return result;
}

async function waitForOtherSubmit(number: string, origin: string): Promise<StartResult> {
  const deadline = Date.now() + CLAIM_WAIT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const order = await getOrder(number);
    const latest = order?.payments?.at(-1);
    if (!order || !latest) break;
    if (order.status === "paid") return { kind: "redirect", url: orderPageUrl(origin, order) };
    if (latest.redirectUrl && latest.state === "pending") return { kind: "redirect", url: latest.redirectUrl };
    if (latest.state === "error") break;
  }
  return { kind: "error", message: GENERIC_FAILURE };
}

/** Attempts worth asking about: those the provider has not settled, or the one a callback names. */
function attemptsToCheck(order: Order, attemptKey?: string): PaymentAttempt[] {
  const attempts = (order.payments ?? []).filter((attempt) => attempt.reference);
  if (attemptKey) return attempts.filter((attempt) => attempt._key === attemptKey);
  return attempts.filter((attempt) => attempt.state === "pending" || attempt.state === "creating");
}

export interface Confirmation {
  order: Order;
  /** Some provider could not be asked (down, slow, or does not know the payment yet). */
  inconclusive: boolean;
}

/**
 * Asks each unsettled attempt's provider and records the answer. Provider errors, timeouts and
 * unknown payments leave the order as it is: unknown is not failed.
 */
export async function confirmPayments(order: Order, source: EventSource, attemptKey?: string): Promise<Confirmation> {
  let current = order;
  let inconclusive = false;
  if (order.status === "paid") return { order, inconclusive };
  for (const attempt of attemptsToCheck(order, attemptKey)) {
    const provider = getProvider(attempt.provider);
    if (!provider) continue;
    try {
      const status = await provider.getStatus({ reference: attempt.reference, gatewayId: attempt.gatewayId });
      // Lygos states the amount on the gateway only. Once an expired order's gateway is deleted,
      // the amount that gateway confirmed at creation (checked in startPayment) is the amount paid.
      const amount = status.amount ?? (status.state === "paid" && attempt.gatewayId ? attempt.amount : undefined);
      current = (await applyObservation(current, attempt._key, { ...status, amount, source })).order;
    } catch (error) {
      if (!isPaymentProviderError(error)) throw error;
      inconclusive = true;
      console.warn(`status check for ${order.number} via ${attempt.provider} left it pending: ${error.message}`);
    }
    if (current.status === "paid") break;
  }
  // Every call that finds the order paid runs the idempotent hook; a lost one is retried by the reconciler.
  if (current.status === "paid") {
    // Paid after it expired: the discount use it gave back is taken again (never throws).
    await settleDiscountUse(current);
    current = await onOrderPaid(current);
  }
  return { order: current, inconclusive };
}

export type CallbackResult = { status: number; body: { ok: boolean; error?: string } };

/**
/**
 * Provider callbacks are unsigned (Lengo's are): one is authenticated by the per-order token in
 * its URL (`authenticateCallback`, before the body is read), must name a payment this order made
 * with that provider, for the amount recorded, and even then only triggers a status check. 2xx
 * only once the outcome is durably recorded; 5xx makes the provider retry.
 */
export async function handleCallback(providerId: ProviderId, order: Order, body: unknown): Promise<CallbackResult> {
  const parse = getPlugin(providerId)?.parseCallback;
  if (!parse) return { status: 404, body: { ok: false, error: "no callbacks for this provider" } };
  const number = order.number;
  const parsed = parse(body);
  if (!parsed.ok) return { status: 400, body: { ok: false, error: parsed.error } };
  const { reference, amount } = parsed.callback;
  const attempt = order.payments?.find((candidate) => candidate.provider === providerId && candidate.reference === reference);
  if (!attempt) return { status: 400, body: { ok: false, error: "unknown payment reference for this order" } };
  if (amount !== undefined && amount !== attempt.amount) {
    return { status: 400, body: { ok: false, error: `amount ${amount} does not match ${attempt.amount}` } };
  }
  try {
    const { inconclusive } = await confirmPayments(order, "callback", attempt._key);
    // Lengo could not confirm its own callback yet: have it retry rather than lose the news.
    if (inconclusive) return { status: 503, body: { ok: false, error: "status not confirmed yet, retry later" } };
    return { status: 200, body: { ok: true } };
  } catch (error) {
    console.error(`callback for ${number} not recorded: ${error instanceof Error ? error.message : String(error)}`);
    return { status: 503, body: { ok: false, error: "not recorded, retry later" } };
  }
}

/** Unpaid orders idle since before this are expired by the reconciler (see `expiryDue`). */
export function expiryCutoff(now: Date): Date {
  return new Date(now.getTime() - getEnv().ORDER_EXPIRY_MINUTES * 60_000);
}
