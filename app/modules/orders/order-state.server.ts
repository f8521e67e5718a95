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

export type Decision = { kind: "transition"; to: OrderStatus; reason: string } | { kind: "none"; reason: string };

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

/**
 * A paid observation for an order another attempt already paid: a second capture. The order
 * stays paid; the money is recorded for a refund (decision 011). Seen once per attempt.
 */
export function isDuplicateCapture(
  order: { status: OrderStatus; payments?: { _key: string; state: string }[] },
  attemptKey: string,
  observation: Pick<PaymentObservation, "state">,
): boolean {
  if (order.status !== "paid" || observation.state !== "paid") return false;
  const payments = order.payments ?? [];
  const attempt = payments.find((candidate) => candidate._key === attemptKey);
  return attempt?.state !== "paid" && payments.some((other) => other._key !== attemptKey && other.state === "paid");
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

/** A payment confirmed this long after its attempt is still looked for (and honoured). */
export const LATE_PAYMENT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

interface SchedulableAttempt {
  state: string;
  reference: string;
  createdAt: string;
  closedAt?: string;
}

/** Whether the provider may still report money on this attempt: it is asked until it says (decision 012). */
export function attemptMayTakeMoney(attempt: SchedulableAttempt): boolean {
  if (!attempt.reference) return false;
  return attempt.state === "pending" || (attempt.state === "failed" && !attempt.closedAt);
}

/** How long the reconciler waits before asking again about a payment started `ageMs` ago. */
export function recheckDelayMs(ageMs: number): number {
  if (ageMs < 60 * 60_000) return 0; // the buyer may be paying right now: every run
  if (ageMs < 6 * 60 * 60_000) return 5 * 60_000;
  if (ageMs < 24 * 60 * 60_000) return 30 * 60_000;
  return 6 * 60 * 60_000;
}

/**
 * When the reconciler must look at this order next, or undefined when never again (decision 012):
 * at its expiry while unpaid, as long as some attempt may still take money (less often as it ages,
 * for `LATE_PAYMENT_WINDOW_MS`), and when a claim being created goes stale. Cut, closed-and-refused
 * and paid attempts are never asked again, so a backlog of abandoned orders costs nothing.
 */
export function nextCheckAt(
  order: { status: OrderStatus; _createdAt: string; payments?: SchedulableAttempt[] },
  now: Date,
  expiryMs: number,
  claimLeaseMs: number,
): Date | undefined {
  const payments = order.payments ?? [];
  const idleSince = Date.parse(payments.at(-1)?.createdAt ?? order._createdAt);
  const due: number[] = [];
  if (canExpire(order.status)) due.push(idleSince + expiryMs);
  for (const attempt of payments) {
    const started = Date.parse(attempt.createdAt);
    if (attempt.state === "creating") due.push(started + claimLeaseMs);
    else if (attemptMayTakeMoney(attempt) && now.getTime() - started < LATE_PAYMENT_WINDOW_MS) {
      due.push(now.getTime() + recheckDelayMs(now.getTime() - started));
    }
  }
  return due.length ? new Date(Math.max(now.getTime(), Math.min(...due))) : undefined;
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
  if (observation.reference !== expected.reference)
    return `reference ${observation.reference} is not ${expected.reference}`;
  if (observation.state !== "paid") return undefined;
  if (observation.amount === undefined) return "the provider did not say the amount paid";
  if (observation.amount !== expected.amount) return `amount ${observation.amount} is not ${expected.amount}`;
  if (observation.currency !== undefined && observation.currency !== expected.currency) {
    return `currency ${observation.currency} is not ${expected.currency}`;
  }
  return undefined;
}
