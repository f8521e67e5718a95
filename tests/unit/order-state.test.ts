import { describe, expect, it } from "vitest";
import {
  canExpire,
  canRefund,
  canRetryPayment,
  decide,
  expiryDue,
  mismatch,
  type OrderStatus,
  type PaymentObservation,
} from "~/modules/orders/order-state.server";

const observe = (state: PaymentObservation["state"], extra: Partial<PaymentObservation> = {}): PaymentObservation => ({
  state,
  source: "callback",
  provider: "lengo",
  reference: "pay-1",
  rawStatus: state.toUpperCase(),
  amount: 5000,
  currency: "XAF",
  ...extra,
});

describe("order state machine", () => {
  const statuses: OrderStatus[] = ["pending", "paid", "failed", "expired", "refunded"];

  it("never moves a paid order", () => {
    for (const state of ["paid", "failed", "pending"] as const) {
      expect(decide("paid", observe(state))).toEqual({ kind: "none", reason: "already paid" });
    }
  });

  it("honours money taken whatever the order became", () => {
    for (const status of statuses.filter((s) => s !== "paid" && s !== "refunded")) {
      const decision = decide(status, observe("paid"));
      expect(decision).toMatchObject({ kind: "transition", to: "paid" });
    }
  });

  it("fails only a pending order", () => {
    expect(decide("pending", observe("failed"))).toMatchObject({ kind: "transition", to: "failed" });
    expect(decide("failed", observe("failed")).kind).toBe("none");
    expect(decide("expired", observe("failed")).kind).toBe("none");
  });

  it("treats unknown as pending, never as failed", () => {
    for (const status of statuses) expect(decide(status, observe("pending")).kind).toBe("none");
  });

  it("refunds only a paid order, and a refunded order never moves again, whatever the provider says", () => {
    expect(statuses.filter(canRefund)).toEqual(["paid"]);
    for (const state of ["paid", "failed", "pending"] as const) {
      expect(decide("refunded", observe(state))).toEqual({ kind: "none", reason: "refunded: never moves again" });
    }
    expect(canExpire("refunded")).toBe(false);
    expect(canRetryPayment("refunded")).toBe(false);
  });

  it("allows a retry after a failure, and an expiry while nobody has paid", () => {
    expect(statuses.filter(canRetryPayment)).toEqual(["failed"]);
    expect(statuses.filter(canExpire)).toEqual(["pending", "failed"]);
  });
});

describe("expiry", () => {
  const cutoff = new Date("2026-11-23T12:00:00Z");
  const before = "2026-11-23T11:00:00Z";
  const after = "2026-11-23T12:30:00Z";

  it("expires an unpaid order idle since before the cutoff, counting from its latest payment attempt", () => {
    expect(expiryDue({ status: "pending", _createdAt: before }, cutoff)).toBe(true);
    expect(expiryDue({ status: "pending", _createdAt: before, payments: [{ createdAt: before }] }, cutoff)).toBe(true);
    expect(expiryDue({ status: "failed", _createdAt: before, payments: [{ createdAt: before }] }, cutoff)).toBe(true);
  });

  it("gives a payment retried late a whole window", () => {
    const retried = { _createdAt: before, payments: [{ createdAt: before }, { createdAt: after }] };
    expect(expiryDue({ status: "pending", ...retried }, cutoff)).toBe(false);
    expect(expiryDue({ status: "failed", ...retried }, cutoff)).toBe(false);
  });

  it("never expires a paid or an expired order", () => {
    expect(expiryDue({ status: "paid", _createdAt: before }, cutoff)).toBe(false);
    expect(expiryDue({ status: "expired", _createdAt: before }, cutoff)).toBe(false);
  });
});

describe("payment matching", () => {
  const expected = { reference: "pay-1", amount: 5000, currency: "XAF" };

  it("accepts the exact payment", () => {
    expect(mismatch(observe("paid"), expected)).toBeUndefined();
  });

  it("rejects another reference, a short amount, another currency or an unknown amount", () => {
    expect(mismatch(observe("paid", { reference: "pay-2" }), expected)).toMatch(/reference/);
    expect(mismatch(observe("paid", { amount: 4999 }), expected)).toMatch(/amount 4999/);
    expect(mismatch(observe("paid", { amount: 50000 }), expected)).toMatch(/amount 50000/);
    expect(mismatch(observe("paid", { currency: "XOF" }), expected)).toMatch(/currency/);
    expect(mismatch(observe("paid", { amount: undefined }), expected)).toMatch(/did not say/);
  });

  it("does not require an amount to record a failure", () => {
    expect(mismatch(observe("failed", { amount: undefined }), expected)).toBeUndefined();
  });
});
