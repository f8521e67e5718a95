import { onOrderPaid } from "../delivery/delivery.server";
import { settleDiscountUse } from "../marketing/discounts.server";
import { getEnv } from "../platform/env.server";
import { attemptMayTakeMoney, type EventSource } from "../orders/order-state.server";
import type { Order, PaymentAttempt } from "../orders/order-document";
import { getOrder, newKey } from "../orders/orders.server";
import {
  addPaymentAttempt,
  applyObservation,
  attemptIsOpen,
  claimIsStale,
  cutAttempt,
  markAttemptClosed,
  PAYMENT_CLAIM_LEASE_MS,
  recordCreatedPayment,
} from "../orders/payment-records.server";
import { isPaymentProviderError, ProviderUnavailable } from "./errors";
import type { CreatedPayment, ProviderId, Wallet } from "./provider";
import { getPlugin, getProvider } from "./registry.server";
import { orderUrl, paymentReturnUrl } from "~/lib/urls";

/**
 * Payment flows over the one provider interface: start a payment for an order, and confirm it
 * by asking the provider, never by believing a redirect or a callback.
 */

const GENERIC_FAILURE =
  "Le paiement n'a pas pu être lancé. Réessayez dans un instant ou choisissez un autre moyen de paiement.";
/** How long past a claim's lease a double submit keeps waiting for the first submit's page. */
const CLAIM_WAIT_MARGIN_MS = 2_000;

export function orderPageUrl(origin: string, order: Pick<Order, "number" | "accessToken">): string {
  return `${origin}${orderUrl(order.number, order.accessToken)}`;
}

function returnUrl(origin: string, provider: ProviderId, order: Order): string {
  return paymentReturnUrl(origin, provider, order.number, order.accessToken);
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
 * The one-payment-at-a-time guard (decision 011). Asks the provider about every attempt of the
 * order that could still take money, and says whether a new payment may be created:
 * - "paid": an open attempt turned out paid (the order is now paid: show it);
 * - "open": an attempt is still open at its provider, being created, or its provider cannot be
 *   reached: the buyer resumes it or waits, no new payment is created;
 * - "clear": every attempt is final and unpaid (their pages closed where the provider allows).
 * Every new attempt goes through `startPayment`, which calls this and then claims the attempt
 * with a revision-checked write that refuses while any attempt is open (`addPaymentAttempt`).
 * Failover to another provider must do the same: call `startPayment` with the next provider.
 */
export type OpenPayments =
  | { kind: "clear"; order: Order }
  | { kind: "paid"; order: Order }
  | { kind: "open"; order: Order; attempt: PaymentAttempt };

export async function checkOpenPayments(order: Order, source: EventSource): Promise<OpenPayments> {
  let { order: current } = await confirmPayments(order, source);
  if (current.status === "paid") return { kind: "paid", order: current };
  const open = current.payments?.find(attemptIsOpen);
  if (open) return { kind: "open", order: current, attempt: open };
  // A refused payment's page may let the payer try again: close it before another is opened, then
  // ask once more, so that a payment made just before it closed is honoured.
  for (const attempt of current.payments ?? []) {
    if (attempt.state !== "failed" || attempt.closedAt) continue;
    const closed = await closeAttempt(current, attempt);
    if (closed === current) continue; // cannot be closed (Lengo): its callback reports a late payment
    ({ order: current } = await confirmPayments(closed, source, attempt._key));
  }
  if (current.status === "paid") return { kind: "paid", order: current };
  const reopened = current.payments?.find(attemptIsOpen);
  return reopened ? { kind: "open", order: current, attempt: reopened } : { kind: "clear", order: current };
}

/**
 * Creates the provider payment for an order that is already written, one at a time (see
 * `checkOpenPayments`). A double submit waits for the first submit's payment page; an open
 * payment with another provider sends the buyer to the order page, which offers to resume it.
 */
export async function startPayment(
  order: Order,
  providerId: ProviderId,
  origin: string,
  wallet?: Wallet,
): Promise<StartResult> {
  const provider = getProvider(providerId);
  const plugin = getPlugin(providerId);
  if (!provider || !plugin || !provider.supportsCurrency(order.currency)) {
    return { kind: "error", message: "Ce moyen de paiement n'est pas disponible pour le moment." };
  }
  const waitUntil = Date.now() + PAYMENT_CLAIM_LEASE_MS + CLAIM_WAIT_MARGIN_MS;
  let current = order;
  for (;;) {
    if (current.status !== "pending" && current.status !== "failed")
      return { kind: "redirect", url: orderPageUrl(origin, current) };
    const open = await checkOpenPayments(current, "checkout");
    current = open.order;
    if (open.kind === "paid") return { kind: "redirect", url: orderPageUrl(origin, current) };
    if (open.kind === "open") {
      const { attempt } = open;
      if (attempt.state === "pending" && attempt.redirectUrl && attempt.provider === providerId)
        return { kind: "redirect", url: attempt.redirectUrl };
      // Another submit is creating a payment: wait for its page (or for its claim to go stale).
      if (attempt.state === "creating" && Date.now() < waitUntil) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        current = (await getOrder(current.number)) ?? current;
        continue;
      }
      return { kind: "redirect", url: orderPageUrl(origin, current) };
    }

    const attempt: PaymentAttempt = {
      _key: newKey(),
      provider: providerId,
      // Lygos keys the payment by this reference: the order number, then -2, -3… per attempt.
      reference: plugin.referenceFor(current.number, (current.payments?.length ?? 0) + 1) ?? "",
      amount: current.total,
      currency: current.currency,
      state: "creating",
      ...(wallet ? { country: wallet.country, operator: wallet.operator } : {}),
      createdAt: new Date().toISOString(),
    };
    const claimed = await addPaymentAttempt(current, attempt);
    current = claimed.order;
    if (!claimed.changed) continue; // another submit claimed first: look again
    return createClaimedPayment(current, attempt, origin);
  }
}

async function createClaimedPayment(order: Order, attempt: PaymentAttempt, origin: string): Promise<StartResult> {
  const provider = getProvider(attempt.provider)!;
  let created: CreatedPayment;
  try {
    created = await provider.createPayment({
      order: {
        reference: attempt.reference || order.number,
        amount: order.total,
        currency: order.currency,
        description: `Commande ${order.number}`,
      },
      returnUrls: {
        success: returnUrl(origin, attempt.provider, order),
        failure: `${returnUrl(origin, attempt.provider, order)}&issue=echec`,
      },
      ...(getPlugin(attempt.provider)?.parseCallback
        ? { callbackUrl: callbackUrl(origin, attempt.provider, order) }
        : {}),
    });
    if (created.amount !== order.total || created.currency.toUpperCase() !== order.currency) {
      await provider.cancel?.(created).catch(() => undefined);
      throw new Error(
        `${attempt.provider} created a payment of ${created.amount} ${created.currency} for an order of ${order.total} ${order.currency}`,
      );
    }
  } catch (error) {
    const developerMessage = error instanceof Error ? error.message : String(error);
    console.error(`payment start failed for ${order.number} via ${attempt.provider}: ${developerMessage}`);
    // In the payment log too: a failover leaves both attempts there, the failed one first.
    await cutAttempt(order, attempt._key, developerMessage, undefined, {
      source: "checkout",
      provider: attempt.provider,
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
  const recorded = await recordCreatedPayment(order, attempt._key, {
    reference: created.reference,
    redirectUrl: created.redirectUrl,
    ...(created.gatewayId ? { gatewayId: created.gatewayId } : {}),
  });
  if (!recorded.changed) {
    // Our claim was cut while the provider answered (it outlived its lease): this payment's page
    // is shown to nobody, and closed where the provider allows it.
    console.warn(`payment for ${order.number} via ${attempt.provider} created after its claim was cut: discarded`);
    await provider.cancel?.(created).catch(() => undefined);
    return { kind: "redirect", url: orderPageUrl(origin, recorded.order) };
  }
  return { kind: "redirect", url: created.redirectUrl };
}

/**
 * Failover: the wallet's providers in the routing table's order, the next one tried only when
 * the previous could not be reached (timeout, 5xx). Same order, one attempt after the other, so
 * the claim in `startPayment` still allows one open payment at a time; a provider that answered
 * (even with a refusal) is not second-guessed.
 */
export async function startPaymentOnRoute(
  order: Order,
  providers: readonly ProviderId[],
  wallet: Wallet,
  origin: string,
): Promise<StartResult> {
  let result: StartResult = { kind: "error", message: "Ce moyen de paiement n'est pas disponible pour le moment." };
  for (const [index, providerId] of providers.entries()) {
    const current = index === 0 ? order : ((await getOrder(order.number)) ?? order);
    result = await startPayment(current, providerId, origin, wallet);
    if (result.kind === "redirect" || !result.providerDown) return result;
    if (index < providers.length - 1)
      console.warn(`payment for ${order.number}: ${providerId} is down, trying ${providers[index + 1]}`);
  }
  return result;
}

/** Makes an attempt's page unusable where its provider allows it, and records that it did. */
async function closeAttempt(order: Order, attempt: PaymentAttempt): Promise<Order> {
  const provider = getProvider(attempt.provider);
  if (!provider?.cancel || !attempt.reference) return order;
  try {
    await provider.cancel(attempt);
  } catch (error) {
    console.warn(`could not close the ${attempt.provider} payment of ${order.number}: ${(error as Error).message}`);
    return order;
  }
  return (await markAttemptClosed(order, attempt._key)).order;
}

/**
 * A claim whose creator stopped (crash, kill) before recording the provider's answer. Its page
 * was never shown, so nobody can pay it: it is cut. Lygos keys the payment by our reference, so
 * it is asked first (a payment it reports is honoured) and its link deleted; Lengo's pay_id never
 * reached us, so there is nothing to ask (decision 011).
 */
async function cutStaleClaim(order: Order, attempt: PaymentAttempt, source: EventSource): Promise<Order> {
  const provider = getProvider(attempt.provider);
  let current = order;
  if (provider && attempt.reference) {
    try {
      const status = await provider.getStatus({ reference: attempt.reference });
      if (status.state === "paid") return (await applyObservation(current, attempt._key, { ...status, source })).order;
      await provider.cancel?.({ reference: attempt.reference });
    } catch (error) {
      if (!isPaymentProviderError(error)) throw error;
      if (error.kind !== "not_found")
        console.warn(`stale claim of ${order.number}: ${attempt.provider} not asked: ${error.message}`);
    }
  }
  current = (
    await cutAttempt(
      current,
      attempt._key,
      "claim cut: the storefront stopped before recording the payment page; never shown",
    )
  ).order;
  return current;
}

/**
 * Attempts worth asking about: any that may still take money (pending, or refused with a page
 * that may let the payer try again), a stale claim, or the one a callback names.
 */
function attemptsToCheck(order: Order, attemptKey?: string): PaymentAttempt[] {
  const attempts = order.payments ?? [];
  if (attemptKey) return attempts.filter((attempt) => attempt._key === attemptKey && attempt.reference);
  const now = Date.now();
  return attempts.filter((attempt) =>
    attempt.state === "creating" ? claimIsStale(attempt, now) : attemptMayTakeMoney(attempt),
  );
}

export interface Confirmation {
  order: Order;
  /** Some provider could not be asked (down, slow, or does not know the payment yet). */
  inconclusive: boolean;
}

/**
 * Asks each attempt that may still take money and records the answer, a paid order included:
 * a second capture is recorded for a refund, never lost. Provider errors, timeouts and unknown
 * payments leave the order as it is: unknown is not failed.
 */
export async function confirmPayments(order: Order, source: EventSource, attemptKey?: string): Promise<Confirmation> {
  let current = order;
  let inconclusive = false;
  const wasPaid = order.status === "paid";
  for (const attempt of attemptsToCheck(order, attemptKey)) {
    if (attempt.state === "creating") {
      current = await cutStaleClaim(current, attempt, source);
      continue;
    }
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
  }
  if (current.status === "paid") {
    // No other page of a paid order may take money: close those the provider lets us close.
    for (const attempt of current.payments ?? []) {
      if (attempt.state === "pending" && !attempt.closedAt) current = await closeAttempt(current, attempt);
    }
    if (!wasPaid || !current.fulfilment) {
      // Paid after it expired: the discount use it gave back is taken again (never throws).
      await settleDiscountUse(current);
      // Every call that finds the order paid runs the idempotent hook; a lost one is retried by the reconciler.
      current = await onOrderPaid(current);
    }
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
  const attempt = order.payments?.find(
    (candidate) => candidate.provider === providerId && candidate.reference === reference,
  );
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
