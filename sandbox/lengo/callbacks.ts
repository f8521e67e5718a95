import { pickCallbackFaults, type FaultController } from "../shared/faults";
import type { CallbackState, Payment, Payments } from "./state";
import type { Timers } from "./timers";

export interface CallbackRetry {
  /** Delay before the second attempt; doubles after each failure. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** No attempt starts later than this after the first one. */
  maxDurationMs: number;
  /** Per attempt. */
  timeoutMs: number;
}

export const DEFAULT_RETRY: CallbackRetry = {
  initialDelayMs: 1000,
  maxDelayMs: 60_000,
  maxDurationMs: 15 * 60_000,
  timeoutMs: 10_000,
};

const FINAL = new Set(["SUCCESS", "FAILED", "CANCELLED", "EXPIRED"]);

const MESSAGES: Record<string, string> = {
  SUCCESS: "Transaction Successful",
  FAILED: "Transaction Failed",
  CANCELLED: "Transaction Cancelled",
  EXPIRED: "Transaction Expired",
  PENDING: "Transaction Pending",
};

interface Attempt {
  at: string;
  responseStatus: number | null;
  responseBody: string;
  error: string | null;
  durationMs: number;
}

/** One callback and its delivery attempts, as GET /__sandbox/callbacks shows it. */
interface Chain {
  id: number;
  payId: string;
  kind: "final" | "duplicate" | "stale" | "manual";
  url: string;
  payload: Record<string, unknown>;
  startedAt: number;
  state: CallbackState;
  attempts: Attempt[];
  /** When the next attempt is scheduled; absent once none is (delivered, gave up, or under way). */
  nextAttemptAt?: string;
}

/** Lengo's callbacks: POSTed to the store's callback_url on every final status, retried while not answered 2xx. */
export class Callbacks {
  private chains: Chain[] = [];
  private chainSeq = 0;

  constructor(
    private readonly payments: Payments,
    private readonly opts: { retry: CallbackRetry; faults: FaultController; timers: Timers },
  ) {}

  /** Sends the callback of a final status, with whatever callback faults are on. */
  notify(p: Payment) {
    if (!p.callbackUrl || !FINAL.has(p.status)) return;
    const f = {
      duplicateCallbacks: 1,
      outOfOrderCallbacks: false,
      callbackAmountDelta: 0,
      ...pickCallbackFaults(this.opts.faults.current),
      ...p.faults,
    };
    p.callback = { status: p.status, startedAt: Date.now(), state: "retrying" };
    this.payments.save();
    const payload = payloadFor(p, p.status, f.callbackAmountDelta);
    const first = this.start(p, "final", payload);
    for (let i = 1; i < f.duplicateCallbacks; i++) void this.start(p, "duplicate", { ...payload });
    // The stale callback leaves only after the final one has been answered once, so it truly arrives second.
    if (f.outOfOrderCallbacks) void first.then(() => this.start(p, "stale", payloadFor(p, "PENDING")));
  }

  /** Sends the current status's callback again (control route). */
  resend(p: Payment) {
    void this.start(p, "manual", payloadFor(p, p.status));
  }

  /** Resumes the callbacks a previous run was still retrying, within their retry window. */
  resume() {
    for (const p of this.payments.all()) {
      if (
        !p.next &&
        p.callback?.state === "retrying" &&
        Date.now() - p.callback.startedAt < this.opts.retry.maxDurationMs
      ) {
        void this.start(p, "final", payloadFor(p, p.callback.status), p.callback.startedAt);
      }
    }
  }

  list(payId: string | null) {
    return this.chains.filter((c) => !payId || c.payId === payId);
  }

  clear() {
    this.chains = [];
  }

  private start(p: Payment, kind: Chain["kind"], payload: Record<string, unknown>, startedAt = Date.now()) {
    const chain: Chain = {
      id: ++this.chainSeq,
      payId: p.payId,
      kind,
      url: p.callbackUrl,
      payload,
      startedAt,
      state: "retrying",
      attempts: [],
    };
    this.chains.push(chain);
    if (this.chains.length > 1000) this.chains.shift();
    return this.run(chain);
  }

  /** Delivers one callback until the store answers 2xx or the retry window closes. */
  private async run(chain: Chain): Promise<void> {
    const { retry, timers } = this.opts;
    delete chain.nextAttemptAt;
    if (timers.closed) return;
    if (await this.attempt(chain)) return this.end(chain, "delivered");
    const delay = Math.min(retry.initialDelayMs * 2 ** (chain.attempts.length - 1), retry.maxDelayMs);
    if (Date.now() + delay - chain.startedAt > retry.maxDurationMs) return this.end(chain, "gave_up");
    chain.nextAttemptAt = new Date(Date.now() + delay).toISOString();
    timers.later(() => void this.run(chain), delay);
  }

  private async attempt(chain: Chain) {
    const started = Date.now();
    const entry: Attempt = {
      at: new Date(started).toISOString(),
      responseStatus: null,
      responseBody: "",
      error: null,
      durationMs: 0,
    };
    try {
      const r = await fetch(chain.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "user-agent": "LengoPay-Sandbox/1.0",
        },
        body: JSON.stringify(chain.payload),
        signal: AbortSignal.any([AbortSignal.timeout(this.opts.retry.timeoutMs), this.opts.timers.signal]),
        redirect: "manual",
      });
      entry.responseStatus = r.status;
      entry.responseBody = (await r.text()).slice(0, 1000);
    } catch (err) {
      entry.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    entry.durationMs = Date.now() - started;
    chain.attempts.push(entry);
    return entry.responseStatus !== null && entry.responseStatus >= 200 && entry.responseStatus < 300;
  }

  /** Ends a chain; the final callback's end is also recorded on its payment, if the status has not moved on. */
  private end(chain: Chain, s: "delivered" | "gave_up") {
    chain.state = s;
    if (chain.kind !== "final") return;
    const p = this.payments.find(chain.payId);
    if (p?.callback && p.callback.status === chain.payload.status) {
      p.callback.state = s;
      this.payments.save();
    }
  }
}

function payloadFor(p: Payment, status: string, amountDelta = 0) {
  return {
    pay_id: p.payId,
    status,
    amount: p.amount + amountDelta,
    message: MESSAGES[status] ?? `Transaction ${status}`,
    Client: p.payer?.phone ?? "",
  };
}
