import { statusesFor, type Outcome, type Payer, type ScheduledStatus, type StatusTable } from "../shared/checkout";
import type { CallbackFaults } from "../shared/faults";
import { PersistedState } from "../shared/store";
import type { Timers } from "./timers";

export type CallbackState = "retrying" | "delivered" | "gave_up";

export interface Payment {
  payId: string;
  websiteId: string;
  amount: number;
  currency: string;
  returnUrl: string;
  callbackUrl: string;
  createdAt: string;
  status: string;
  next: ScheduledStatus | null;
  payer: Payer | null;
  /** Callback faults asked for by the create request's x-sandbox-fault header. */
  faults: Partial<CallbackFaults>;
  /** The callback of the current final status; persisted so that a restart resumes its retries. */
  callback: { status: string; startedAt: number; state: CallbackState } | null;
}

interface State {
  payments: Payment[];
}

const STATUS_BY_OUTCOME: StatusTable = {
  success: { now: "SUCCESS" },
  success_variant: { now: "SUCCESS" },
  failed: { now: "FAILED" },
  pending: { now: "PENDING" },
  late: { now: "PENDING", later: "SUCCESS" },
  expired: { now: "PENDING", later: "EXPIRED" },
  cancelled: { now: "CANCELLED" },
};

/** The merchant's payments, kept in lengo.json; every status change is announced to `notify` (the callbacks). */
export class Payments extends PersistedState<State> {
  constructor(
    dataDir: string | undefined,
    private readonly opts: { lateDelayMs: number; timers: Timers; baseUrl: () => string; notify: (p: Payment) => void },
  ) {
    super(dataDir, "lengo.json", { payments: [] });
  }

  all() {
    return this.state.payments;
  }

  find(payId: string) {
    return this.state.payments.find((p) => p.payId === payId);
  }

  add(p: Payment) {
    this.state.payments.push(p);
    this.save();
  }

  wipe() {
    this.state = { payments: [] };
    this.save();
  }

  /** The hosted page of a payment, at payment.lengopay.com/{pay_id} on the real service. */
  paymentUrl(p: Payment) {
    return `${this.opts.baseUrl()}/${p.payId}`;
  }

  /** Applies a scheduled status change once due (late and expiring test payments). */
  settle(p: Payment) {
    if (!p.next || Date.now() < p.next.at) return;
    p.status = p.next.status;
    p.next = null;
    this.save();
    this.opts.notify(p);
  }

  /** Whether the payer may pay now: nothing attempted yet, or again after a refusal or a cancel. */
  payable(p: Payment) {
    this.settle(p);
    return ["INITIATED", "FAILED", "CANCELLED"].includes(p.status);
  }

  pay(p: Payment, outcome: Outcome, payer: Payer | null, delayMs = this.opts.lateDelayMs) {
    const { status, next } = statusesFor(STATUS_BY_OUTCOME, outcome, delayMs);
    p.status = status;
    p.payer = payer;
    p.next = next;
    p.callback = null;
    this.save();
    this.settleWhenDue(p);
    this.opts.notify(p);
  }

  /** Schedules again the status changes a previous run left pending. */
  resume() {
    for (const p of this.state.payments) this.settleWhenDue(p);
  }

  /**
   * Settles `p` at its scheduled time. Node can fire a timer a millisecond before `Date.now()` reaches
   * it (about 1 run in 100), and `settle` then does nothing: an early wake-up waits again, otherwise
   * the payment would stay pending, with no callback, until someone reads its status.
   */
  private settleWhenDue(p: Payment) {
    const next = p.next;
    if (!next) return;
    this.opts.timers.later(() => (Date.now() < next.at ? this.settleWhenDue(p) : this.settle(p)), next.at - Date.now());
  }

  /** The payment and what only the sandbox knows (control routes). */
  internal(p: Payment) {
    this.settle(p);
    return { ...p, payment_url: this.paymentUrl(p) };
  }
}
