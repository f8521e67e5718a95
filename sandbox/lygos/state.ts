import { randomUUID } from "node:crypto";
import { statusesFor, type Outcome, type Payer, type ScheduledStatus, type StatusTable } from "../shared/checkout";
import type { FaultController } from "../shared/faults";
import { PersistedState } from "../shared/store";

interface Payment extends Payer {
  outcome: Outcome;
  status: string;
  next: ScheduledStatus | null;
  at: string;
}

export interface Gateway {
  id: string;
  amount: number;
  currency: string;
  shop_name: string;
  message: string;
  order_id: string;
  success_url: string;
  failure_url: string;
  creation_date: string;
  deleted_at: string | null;
  payment: Payment | null;
}

interface State {
  userId: string;
  gateways: Gateway[];
}

/** Raw payin statuses per outcome: lower case as most integrations see them, one upper-case variant. */
const STATUS_BY_OUTCOME: StatusTable = {
  success: { now: "success" },
  success_variant: { now: "SUCCESSFUL" },
  failed: { now: "failed" },
  pending: { now: "pending" },
  late: { now: "pending", later: "success" },
  expired: { now: "pending", later: "expired" },
  cancelled: { now: "cancelled" },
};

const isSuccess = (s: string) => ["success", "successful", "paid", "completed"].includes(s.toLowerCase());
const isRetryable = (s: string) => ["failed", "cancelled"].includes(s.toLowerCase());

/** The merchant's gateways and their payins, kept in lygos.json. */
export class Gateways extends PersistedState<State> {
  constructor(
    dataDir: string | undefined,
    private readonly opts: {
      lateDelayMs: number;
      country: { name: string; iso_code: string };
      faults: FaultController;
      baseUrl: () => string;
    },
  ) {
    super(dataDir, "lygos.json", { userId: randomUUID(), gateways: [] });
  }

  all() {
    return this.state.gateways;
  }

  add(g: Gateway) {
    this.state.gateways.push(g);
    this.save();
  }

  /** Sets the fields given (undefined: left as they are). */
  update(g: Gateway, values: Record<string, unknown>) {
    for (const [k, v] of Object.entries(values)) if (v !== undefined) (g as unknown as Record<string, unknown>)[k] = v;
    this.save();
  }

  /** Deleted gateways stay stored: their payins remain readable. */
  remove(g: Gateway) {
    g.deleted_at = new Date().toISOString();
    this.save();
  }

  /** Forgets every gateway; the merchant (user id) stays. */
  wipe() {
    this.state = { userId: this.state.userId, gateways: [] };
    this.save();
  }

  /** A gateway not deleted, by id in any case. */
  live(id: string) {
    return this.state.gateways.find((g) => g.id.toLowerCase() === id.toLowerCase() && !g.deleted_at);
  }

  /** The payin status of an order: its paid gateway if any, else its latest one's. */
  payinStatus(orderId: string): string | undefined {
    // Payins outlive their gateway: money taken just before a DELETE must still be visible.
    const matches = this.state.gateways.filter((g) => g.order_id === orderId);
    if (!matches.length) return undefined;
    const paid = matches.find((g) => isSuccess(statusOf(g)));
    return statusOf(paid ?? matches[matches.length - 1]!);
  }

  /** A gateway by id, deleted or not, or the latest one of an order_id (control routes). */
  findAny(id: string) {
    return (
      this.state.gateways.find((g) => g.id.toLowerCase() === id.toLowerCase()) ??
      [...this.state.gateways].reverse().find((g) => g.order_id === id)
    );
  }

  /** A link can be paid while nothing was attempted, or again after a refusal or a cancel. */
  payable(g: Gateway) {
    return !g.payment || isRetryable(statusOf(g));
  }

  pay(g: Gateway, outcome: Outcome, payer: Payer, delayMs = this.opts.lateDelayMs) {
    g.payment = {
      outcome,
      ...statusesFor(STATUS_BY_OUTCOME, outcome, delayMs),
      ...payer,
      at: new Date().toISOString(),
    };
    this.save();
  }

  /** The gateway as the API shows it: with the merchant's country on GET /gateway/{id}, its user id elsewhere. */
  view(g: Gateway, withCountry = false) {
    const link = `${this.opts.baseUrl()}/link/${g.id}`;
    return {
      id: g.id,
      amount: g.amount,
      currency: g.currency,
      shop_name: g.shop_name,
      message: g.message,
      ...(withCountry ? { user_country: this.opts.country } : { user_id: this.state.userId }),
      creation_date: g.creation_date,
      link: this.opts.faults.current.linkWithoutScheme ? link.replace(/^https?:\/\//, "") : link,
      order_id: g.order_id,
      success_url: g.success_url,
      failure_url: g.failure_url,
    };
  }

  /** The view plus what only the sandbox knows (control routes). */
  internal(g: Gateway) {
    return { ...this.view(g), status: statusOf(g), deleted_at: g.deleted_at, payment: g.payment };
  }
}

/** The payin status now: a late or expiring test payment changes once its time has come. */
function statusOf(g: Gateway) {
  const p = g.payment;
  if (!p) return "created";
  return p.next && Date.now() >= p.next.at ? p.next.status : p.status;
}
