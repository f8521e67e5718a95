/**
 * The order state machine, pure so that it can be tested exhaustively.
 *
 *   pending ──paid──▶ paid            (paid never moves backwards)
 *   paid ──refund──▶ refunded         (recorded by the merchant in Studio; terminal)
 *   pending ──failed─▶ failed ──retry──▶ pending
 *   pending | failed ──expire─▶ expired   (idle for the expiry window: nobody paid or retried)
 *   failed | expired ──paid──▶ paid   (money taken is always honoured)
 *
 * "Unknown is not failed": an observation that is not clearly paid or failed leaves the
 * order where it is. An observation that changes nothing produces no event, so duplicate
 * callbacks and repeated returns leave one transition and one log entry.
 */
export type OrderStatus = "pending" | "paid" | "failed" | "expired" | "refunded";
export type PaymentState = "paid" | "failed" | "pending";
export type EventSource = "checkout" | "return" | "callback" | "reconcile" | "order-page" | "free" | "claim" | "studio";

export interface PaymentObservation {
  state: PaymentState;
  source: EventSource;
  provider: string;
  reference: string;
  rawStatus: string;
  amount?: number;
  currency?: string;
}

export type Decision =
  | { kind: "transition"; to: OrderStatus; reason: string }
  | { kind: "none"; reason: string };

export function decide(current: OrderStatus, observation: PaymentObservation): Decision {
  if (current === "paid") return { kind: "none", reason: "already paid" };
  if (current === "refunded") return { kind: "none", reason: "refunded: never moves again" };
  if (observation.state === "paid") {
    const reason =
      current === "pending" ? "payment confirmed" : `payment confirmed after the order was ${current}: honoured`;
    return { kind: "transition", to: "paid", reason };
  }
  if (observation.state === "failed") {
    return current === "pending"
      ? { kind: "transition", to: "failed", reason: "payment failed" }
      : { kind: "none", reason: `already ${current}` };
  }
  return { kind: "none", reason: "still pending at the provider" };
}

export function canRetryPayment(current: OrderStatus): boolean {
  return current === "failed";
}

/**
 * Providers have no refund API: the merchant refunds by hand and records it in Studio, which
 * writes `refunded` (sanity/actions/refund.ts checks the same rule). Only a paid order can be.
 */
export function canRefund(current: OrderStatus): boolean {
  return current === "paid";
}

export function canExpire(current: OrderStatus): boolean {
  return current === "pending" || current === "failed";
}

/**
 * Whether the reconciler expires the order now. The window runs from the latest payment attempt,
 * so a buyer who retries a failed order late gets a whole window for that payment.
 */
export function expiryDue(
  order: { status: OrderStatus; _createdAt: string; payments?: { createdAt?: string }[] },
  cutoff: Date,
): boolean {
  const idleSince = order.payments?.at(-1)?.createdAt ?? order._createdAt;
  return canExpire(order.status) && Date.parse(idleSince) < cutoff.getTime();
}

export interface Expected {
  reference: string;
  amount: number;
  currency: string;
}

/**
 * A provider answer counts only if it is about this payment, for the full amount, in the
 * order's currency. A mismatch is never a payment: it is recorded and left pending.
 */
export function mismatch(observation: PaymentObservation, expected: Expected): string | undefined {
  if (observation.reference !== expected.reference) return `reference ${observation.reference} is not ${expected.reference}`;
  if (observation.state !== "paid") return undefined;
  if (observation.amount === undefined) return "the provider did not say the amount paid";
  if (observation.amount !== expected.amount) return `amount ${observation.amount} is not ${expected.amount}`;
  if (observation.currency !== undefined && observation.currency !== expected.currency) {
    return `currency ${observation.currency} is not ${expected.currency}`;
  }
  return undefined;
}
