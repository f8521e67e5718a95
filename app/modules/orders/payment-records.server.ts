import type { SanityClient } from "@sanity/client";
import { getSanityWriteClient } from "../platform/sanity.server";
import { canExpire, decide, isDuplicateCapture, mismatch, type PaymentObservation } from "./order-state.server";
import type { PaymentAttempt, DuplicatePayment, PaymentEvent, Order } from "./order-document";
import { newKey, updateWithRevision } from "./orders.server";

/** What an order records of its payment attempts, and the transitions the providers' answers make (order-state.server.ts decides them). */

/**
 * How long a claim to create a payment holds before another request may cut it (decision 011). A
 * live creator that outlives it finds its claim cut when it records the payment and discards that
 * payment: its page was never shown, so nobody can pay it.
 */
export const PAYMENT_CLAIM_LEASE_MS = 15_000;

export function claimIsStale(attempt: Pick<PaymentAttempt, "state" | "createdAt">, now = Date.now()): boolean {
  return attempt.state === "creating" && now - Date.parse(attempt.createdAt) >= PAYMENT_CLAIM_LEASE_MS;
}

/** An attempt whose payment page may still take money, or whose creation is under way: it blocks a new one. */
export function attemptIsOpen(attempt: Pick<PaymentAttempt, "state">): boolean {
  return attempt.state === "pending" || attempt.state === "creating";
}

/**
 * Claims the right to create a payment: one payment at a time per order. The revision-checked
 * write refuses while any attempt is open; `startPayment` first asks the open ones (decision 011).
 */
export function addPaymentAttempt(
  order: Order,
  attempt: PaymentAttempt,
  client: SanityClient = getSanityWriteClient(),
) {
  return updateWithRevision(
    order._id,
    (current) => {
      if (current.status !== "pending" && current.status !== "failed") return undefined;
      if ((current.payments ?? []).some(attemptIsOpen)) return undefined;
      // Due at once: the reconciler asks a payment whose buyer never comes back (Lygos has no callback).
      return {
        set: { status: "pending", statusReason: "payment started", reconcileAt: attempt.createdAt },
        appendAttempt: attempt,
      };
    },
    client,
  );
}

/**
 * Records what the provider created, only while this request's claim stands: a claim cut in the
 * meantime (`cutAttempt`) makes this a no-op, and the caller discards the payment.
 */
export function recordCreatedPayment(
  order: Order,
  key: string,
  fields: Pick<PaymentAttempt, "reference" | "redirectUrl"> & Partial<Pick<PaymentAttempt, "gatewayId">>,
  client: SanityClient = getSanityWriteClient(),
) {
  return updateWithRevision(
    order._id,
    (current) => {
      const attempt = current.payments?.find((candidate) => candidate._key === key);
      if (attempt?.state !== "creating") return undefined;
      return { set: attemptFields(key, { state: "pending", ...fields }) };
    },
    client,
  );
}

/** Ends a claim that never showed a payment page (the provider refused, or the creator crashed): nobody can pay it. */
export function cutAttempt(
  order: Order,
  key: string,
  error: string,
  client: SanityClient = getSanityWriteClient(),
  event?: Omit<PaymentEvent, "_key" | "at">,
) {
  return updateWithRevision(
    order._id,
    (current) => {
      const attempt = current.payments?.find((candidate) => candidate._key === key);
      if (attempt?.state !== "creating") return undefined;
      return {
        set: attemptFields(key, { state: "error", error: error.slice(0, 300) }),
        ...(event ? { append: [{ _key: newKey(), at: new Date().toISOString(), ...event }] } : {}),
      };
    },
    client,
  );
}

export function markAttemptClosed(order: Order, key: string, client: SanityClient = getSanityWriteClient()) {
  return updateWithRevision(
    order._id,
    (current) => {
      const attempt = current.payments?.find((candidate) => candidate._key === key);
      if (!attempt || attempt.closedAt) return undefined;
      return { set: attemptFields(key, { closedAt: new Date().toISOString() }) };
    },
    client,
  );
}

function attemptFields(key: string, fields: Partial<Omit<PaymentAttempt, "_key">>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [`payments[_key=="${key}"].${name}`, value]));
}

/**
 * Records what the provider said about one attempt. Only an answer that matches the attempt's
 * reference, amount and currency can move the order; a paid order never moves again.
 */
export function applyObservation(
  order: Order,
  attemptKey: string,
  observation: PaymentObservation,
  client: SanityClient = getSanityWriteClient(),
) {
  return updateWithRevision(
    order._id,
    (current) => {
      const attempt = current.payments.find((candidate) => candidate._key === attemptKey);
      if (!attempt) return undefined;
      const problem = mismatch(observation, attempt);
      const event = (state: string, note: string): PaymentEvent => ({
        _key: newKey(),
        at: new Date().toISOString(),
        source: observation.source,
        provider: observation.provider,
        reference: observation.reference,
        rawStatus: observation.rawStatus,
        state,
        ...(observation.amount !== undefined ? { amount: observation.amount } : {}),
        ...(observation.currency !== undefined ? { currency: observation.currency } : {}),
        note,
      });
      if (problem) {
        const note = `ignored: ${problem}`;
        if (current.paymentLog?.at(-1)?.note === note) return undefined;
        return { append: [event("rejected", note)] };
      }
      const attemptField = `payments[_key=="${attemptKey}"]`;
      const attemptChanged = attempt.state !== observation.state || attempt.rawStatus !== observation.rawStatus;
      if (isDuplicateCapture(current, attemptKey, observation)) {
        const note = "second payment captured for an order already paid: to refund";
        const duplicate: DuplicatePayment = {
          _key: newKey(),
          attemptKey,
          provider: attempt.provider,
          reference: attempt.reference,
          amount: observation.amount ?? attempt.amount,
          currency: observation.currency ?? attempt.currency,
          detectedAt: new Date().toISOString(),
          refundStatus: "to_refund",
        };
        // One patch holds one insert (the log entry): the list is written whole, revision-checked.
        return {
          set: {
            [`${attemptField}.state`]: "paid",
            [`${attemptField}.rawStatus`]: observation.rawStatus,
            duplicatePayments: [...(current.duplicatePayments ?? []), duplicate],
          },
          append: [event("duplicate", note)],
        };
      }
      const decision = decide(current.status, observation);
      if (decision.kind === "none") {
        if (!attemptChanged || attempt.state === "paid") return undefined;
        return {
          set: { [`${attemptField}.state`]: observation.state, [`${attemptField}.rawStatus`]: observation.rawStatus },
        };
      }
      const now = new Date().toISOString();
      return {
        set: {
          status: decision.to,
          statusReason: decision.reason,
          ...(decision.to === "paid" ? { paidAt: now } : {}),
          [`${attemptField}.state`]: observation.state,
          [`${attemptField}.rawStatus`]: observation.rawStatus,
        },
        append: [event(decision.to, decision.reason)],
      };
    },
    client,
  );
}

export function expireOrder(order: Order, reason: string, client: SanityClient = getSanityWriteClient()) {
  return updateWithRevision(
    order._id,
    (current) => {
      if (!canExpire(current.status)) return undefined;
      return {
        set: { status: "expired", statusReason: reason },
        append: [
          {
            _key: newKey(),
            at: new Date().toISOString(),
            source: "reconcile",
            provider: current.payments?.at(-1)?.provider ?? "none",
            reference: current.payments?.at(-1)?.reference ?? current.number,
            rawStatus: "EXPIRED",
            state: "expired",
            note: reason,
          },
        ],
      };
    },
    client,
  );
}
