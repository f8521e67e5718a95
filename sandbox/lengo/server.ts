import http from "node:http";
import { randomBytes } from "node:crypto";
import {
  LENGO_COUNTRIES,
  OUTCOMES,
  TEST_NUMBERS,
  findWallet,
  readCheckoutForm,
  renderCheckoutPage,
  renderMessagePage,
  renderOutcomePage,
  validateCheckoutForm,
  type Outcome,
} from "../shared/checkout";
import { FaultController, pickCallbackFaults, parseFaultHeader, sendProviderJson, type CallbackFaults } from "../shared/faults";
import { isRecord, listen, parseJson, readBody, redirect, sendHtml, sendJson, type Req, type Res } from "../shared/http";
import { RequestLog, commonControlRoutes, createHandler, paymentControlRoutes, type SandboxRoute } from "../shared/server";
import { JsonFileStore } from "../shared/store";

/**
 * Lengo Pay stand-in speaking the contract in docs/providers/lengo.md: the API under
 * /api/v1 (portal.lengopay.com), the hosted page at /{pay_id} (payment.lengopay.com),
 * and callbacks POSTed to the store with retries.
 */
export interface LengoOptions {
  port?: number;
  host?: string;
  licenseKey: string;
  websiteId: string;
  dataDir?: string;
  /** The merchant's website name, shown on the hosted page. */
  merchantName?: string;
  /** Currencies the merchant account accepts. */
  currencies?: string[];
  /** How long "late" and "expired" test payments stay pending after the payer's return. */
  lateDelayMs?: number;
  callbackRetry?: Partial<CallbackRetry>;
}

export interface CallbackRetry {
  /** Delay before the second attempt; doubles after each failure. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** No attempt starts later than this after the first one. */
  maxDurationMs: number;
  /** Per attempt. */
  timeoutMs: number;
}

const DEFAULT_RETRY: CallbackRetry = { initialDelayMs: 1000, maxDelayMs: 60_000, maxDurationMs: 15 * 60_000, timeoutMs: 10_000 };

/** 100 GNF was refused and 1 000 GNF accepted in production; the others are guesses of the same order. */
const MIN_AMOUNT: Record<string, number> = { GNF: 1000, XOF: 100, XAF: 100, USD: 1, EUR: 1 };

const FINAL = new Set(["SUCCESS", "FAILED", "CANCELLED", "EXPIRED"]);
const BRAND = { provider: "Lengo Pay", accent: "#c2410c" };

const STATUS_BY_OUTCOME: Record<Outcome, { now: string; later?: string }> = {
  success: { now: "SUCCESS" },
  success_variant: { now: "SUCCESS" },
  failed: { now: "FAILED" },
  pending: { now: "PENDING" },
  late: { now: "PENDING", later: "SUCCESS" },
  expired: { now: "PENDING", later: "EXPIRED" },
  cancelled: { now: "CANCELLED" },
};

const MESSAGES: Record<string, string> = {
  SUCCESS: "Transaction Successful",
  FAILED: "Transaction Failed",
  CANCELLED: "Transaction Cancelled",
  EXPIRED: "Transaction Expired",
  PENDING: "Transaction Pending",
};

interface Payment {
  payId: string;
  websiteId: string;
  amount: number;
  currency: string;
  returnUrl: string;
  callbackUrl: string;
  createdAt: string;
  status: string;
  next: { status: string; at: number } | null;
  payer: { phone: string; country: string; operator: string } | null;
  /** Callback faults asked for by the create request's x-sandbox-fault header. */
  faults: Partial<CallbackFaults>;
  /** The callback of the current final status; persisted so that a restart resumes its retries. */
  callback: { status: string; startedAt: number; state: "retrying" | "delivered" | "gave_up" } | null;
}

interface State {
  payments: Payment[];
}

interface Attempt {
  at: string;
  responseStatus: number | null;
  responseBody: string;
  error: string | null;
  durationMs: number;
}

interface Chain {
  id: number;
  payId: string;
  kind: "final" | "duplicate" | "stale" | "manual";
  url: string;
  payload: Record<string, unknown>;
  startedAt: number;
  state: "retrying" | "delivered" | "gave_up";
  attempts: Attempt[];
  /** When the next attempt is scheduled; absent once none is (delivered, gave up, or under way). */
  nextAttemptAt?: string;
}

/** "2023-11-20 09:37:53", the format seen in status responses (UTC, Guinea's time zone). */
const lengoDate = (d: Date) => d.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "");

/** 32 random alphanumerics, base64-encoded: the shape of real pay_ids, padding included. */
function newPayId() {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const raw = Array.from(randomBytes(32), (b) => alphabet[b % alphabet.length]).join("");
  return Buffer.from(raw).toString("base64");
}

const htmlPage = (status: number, title: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body><div class="code">${status}</div><div class="message">${title}</div></body>\n</html>\n`;

export async function startLengo(opts: LengoOptions): Promise<{ url: string; close(): Promise<void> }> {
  if (!opts.licenseKey || !opts.websiteId) throw new Error("startLengo: licenseKey and websiteId are required");
  const currencies = (opts.currencies ?? ["GNF", "XOF", "XAF", "USD", "EUR"]).map((c) => c.toUpperCase());
  const lateDelayMs = opts.lateDelayMs ?? 5000;
  const retry: CallbackRetry = { ...DEFAULT_RETRY, ...opts.callbackRetry };
  const store = new JsonFileStore<State>(opts.dataDir, "lengo.json");
  let state = store.load({ payments: [] });
  const save = () => store.save(state);
  save();

  const faults = new FaultController();
  const log = new RequestLog();
  let chains: Chain[] = [];
  let chainSeq = 0;
  let baseUrl = "";
  let closing = false;
  const timers = new Set<NodeJS.Timeout>();
  const inflight = new AbortController();

  const later = (fn: () => void, ms: number) => {
    if (closing) return;
    const t = setTimeout(() => {
      timers.delete(t);
      if (!closing) fn();
    }, Math.max(0, ms));
    timers.add(t);
  };

  const find = (payId: string) => state.payments.find((p) => p.payId === payId);

  // ---- callbacks -------------------------------------------------------------------------

  const attempt = async (chain: Chain) => {
    const started = Date.now();
    const entry: Attempt = { at: new Date(started).toISOString(), responseStatus: null, responseBody: "", error: null, durationMs: 0 };
    try {
      const r = await fetch(chain.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "user-agent": "LengoPay-Sandbox/1.0" },
        body: JSON.stringify(chain.payload),
        signal: AbortSignal.any([AbortSignal.timeout(retry.timeoutMs), inflight.signal]),
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
  };

  const setMainState = (chain: Chain, s: "delivered" | "gave_up") => {
    chain.state = s;
    if (chain.kind !== "final") return;
    const p = find(chain.payId);
    if (p?.callback && p.callback.status === chain.payload.status) {
      p.callback.state = s;
      save();
    }
  };

  /** Delivers one callback until the store answers 2xx or the retry window closes. */
  const runChain = async (chain: Chain): Promise<void> => {
    delete chain.nextAttemptAt;
    if (closing) return;
    if (await attempt(chain)) return setMainState(chain, "delivered");
    const delay = Math.min(retry.initialDelayMs * 2 ** (chain.attempts.length - 1), retry.maxDelayMs);
    if (Date.now() + delay - chain.startedAt > retry.maxDurationMs) return setMainState(chain, "gave_up");
    chain.nextAttemptAt = new Date(Date.now() + delay).toISOString();
    later(() => void runChain(chain), delay);
  };

  const startChain = (p: Payment, kind: Chain["kind"], payload: Record<string, unknown>, startedAt = Date.now()) => {
    const chain: Chain = { id: ++chainSeq, payId: p.payId, kind, url: p.callbackUrl, payload, startedAt, state: "retrying", attempts: [] };
    chains.push(chain);
    if (chains.length > 1000) chains.shift();
    return runChain(chain);
  };

  const payloadFor = (p: Payment, status: string, amountDelta = 0) => ({
    pay_id: p.payId,
    status,
    amount: p.amount + amountDelta,
    message: MESSAGES[status] ?? `Transaction ${status}`,
    Client: p.payer?.phone ?? "",
  });

  /** Sends the callback of a final status, with whatever callback faults are on. */
  const notify = (p: Payment) => {
    if (!p.callbackUrl || !FINAL.has(p.status)) return;
    const f = { duplicateCallbacks: 1, outOfOrderCallbacks: false, callbackAmountDelta: 0, ...pickCallbackFaults(faults.current), ...p.faults };
    p.callback = { status: p.status, startedAt: Date.now(), state: "retrying" };
    save();
    const payload = payloadFor(p, p.status, f.callbackAmountDelta);
    const first = startChain(p, "final", payload);
    for (let i = 1; i < f.duplicateCallbacks; i++) void startChain(p, "duplicate", { ...payload });
    // The stale callback leaves only after the final one has been answered once, so it truly arrives second.
    if (f.outOfOrderCallbacks) void first.then(() => startChain(p, "stale", payloadFor(p, "PENDING")));
  };

  /** Applies a scheduled status change once due (late and expiring test payments). */
  const settle = (p: Payment) => {
    if (!p.next || Date.now() < p.next.at) return;
    p.status = p.next.status;
    p.next = null;
    save();
    notify(p);
  };

  const pay = (p: Payment, outcome: Outcome, payer: Payment["payer"], delayMs = lateDelayMs) => {
    const s = STATUS_BY_OUTCOME[outcome];
    p.status = s.now;
    p.payer = payer;
    p.next = s.later ? { status: s.later, at: Date.now() + delayMs } : null;
    p.callback = null;
    save();
    if (p.next) later(() => settle(p), delayMs);
    notify(p);
  };

  // ---- API ------------------------------------------------------------------------------

  const unauthorized = (res: Res) => sendProviderJson(res, 401, { error: "Unauthorized !" });
  const error400 = (res: Res, message: string) => sendProviderJson(res, 400, { status: "ERROR", message });

  const authorized = (req: Req) => {
    const h = req.headers.authorization ?? "";
    const m = /^Basic\s+(.+)$/i.exec(h.trim());
    return m?.[1] === opts.licenseKey;
  };

  const readBodyObject = async (req: Req) => {
    const parsed = parseJson(await readBody(req));
    return parsed.ok && isRecord(parsed.value) ? parsed.value : null;
  };

  const present = (v: unknown) => v !== undefined && v !== null && v !== "";

  const api: SandboxRoute[] = [
    {
      method: "POST",
      pattern: /^\/api\/v1\/payments\/?$/,
      api: true,
      handler: async (req, res) => {
        if (!authorized(req)) return unauthorized(res);
        const body = await readBodyObject(req);
        if (!body || !present(body.websiteid) || !present(body.amount) || !present(body.currency)) {
          return error400(res, "Missing body fields");
        }
        if (body.websiteid !== opts.websiteId) return unauthorized(res);
        const currency = String(body.currency).toUpperCase();
        if (!currencies.includes(currency)) return error400(res, "Unsupported currency");
        const amount = typeof body.amount === "string" && /^\d+$/.test(body.amount) ? Number(body.amount) : body.amount;
        if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount < (MIN_AMOUNT[currency] ?? 1)) {
          return error400(res, "Unsupported amount");
        }
        const str = (v: unknown) => (typeof v === "string" ? v : "");
        const p: Payment = {
          payId: newPayId(),
          websiteId: opts.websiteId,
          amount,
          currency,
          returnUrl: str(body.return_url),
          callbackUrl: str(body.callback_url),
          createdAt: lengoDate(new Date()),
          status: "INITIATED",
          next: null,
          payer: null,
          faults: pickCallbackFaults(parseFaultHeader(req.headers["x-sandbox-fault"])),
          callback: null,
        };
        state.payments.push(p);
        save();
        sendProviderJson(res, 200, { status: "Success", pay_id: p.payId, payment_url: `${baseUrl}/${p.payId}` });
      },
    },
    {
      method: "POST",
      pattern: /^\/api\/v1\/transaction\/status\/?$/,
      api: true,
      handler: async (req, res) => {
        if (!authorized(req)) return unauthorized(res);
        const body = await readBodyObject(req);
        if (!body || !present(body.pay_id) || !present(body.websiteid)) return error400(res, "Missing body fields");
        if (body.websiteid !== opts.websiteId) return unauthorized(res);
        const p = typeof body.pay_id === "string" ? find(body.pay_id) : undefined;
        if (!p) return sendProviderJson(res, 404, { status: "ERROR", message: "Transaction not found" });
        settle(p);
        sendProviderJson(res, 200, {
          status: p.status,
          pay_id: p.payId,
          amount: p.amount,
          date: p.createdAt,
          ...(p.payer ? { gateway: p.payer.operator, account: p.payer.phone } : {}),
        });
      },
    },
  ];

  // ---- hosted page ----------------------------------------------------------------------

  const payable = (p: Payment) => {
    settle(p);
    return ["INITIATED", "FAILED", "CANCELLED"].includes(p.status);
  };

  const renderForm = (p: Payment, values?: { wallet?: string; phone?: string }, error?: string) =>
    renderCheckoutPage({
      ...BRAND,
      shopName: opts.merchantName ?? "Ashtech Store",
      amount: p.amount,
      currency: p.currency,
      action: `/${encodeURIComponent(p.payId)}`,
      countries: LENGO_COUNTRIES,
      defaultWallet: "GN:orange-money",
      lateDelayMs,
      values,
      error,
    });

  const closedPage = (res: Res, p: Payment | undefined) => {
    if (!p) return sendHtml(res, 404, renderMessagePage(BRAND, "Paiement introuvable", "Ce lien de paiement n'existe pas."));
    const back = p.returnUrl ? { href: p.returnUrl, label: "Revenir à la boutique" } : undefined;
    sendHtml(res, 409, renderMessagePage(BRAND, "Paiement déjà traité", "Ce paiement a déjà été effectué ou est en cours.", back));
  };

  const pages: SandboxRoute[] = [
    {
      method: "GET",
      pattern: /^\/([^/]+)$/,
      handler: (_req, res, [payId]) => {
        const p = find(payId!);
        if (!p || !payable(p)) return closedPage(res, p);
        sendHtml(res, 200, renderForm(p));
      },
    },
    {
      method: "POST",
      pattern: /^\/([^/]+)$/,
      handler: async (req, res, [payId]) => {
        const form = readCheckoutForm(await readBody(req, 16 * 1024));
        const p = find(payId!);
        if (!p || !payable(p)) return closedPage(res, p);
        let outcome: Outcome = "cancelled";
        if (form.action === "cancel") pay(p, "cancelled", null);
        else {
          const v = validateCheckoutForm(LENGO_COUNTRIES, form);
          if (!v.ok) return sendHtml(res, 400, renderForm(p, form, v.error));
          outcome = v.outcome;
          pay(p, outcome, { phone: v.phone, country: v.country.code, operator: v.operator.name });
        }
        // return_url carries nothing about the outcome: the store must ask the status endpoint.
        return p.returnUrl ? redirect(res, p.returnUrl) : sendHtml(res, 200, renderOutcomePage(BRAND, outcome));
      },
    },
  ];

  // ---- control --------------------------------------------------------------------------

  const internal = (p: Payment) => {
    settle(p);
    return { ...p, payment_url: `${baseUrl}/${p.payId}` };
  };

  const control: SandboxRoute[] = [
    ...commonControlRoutes({
      faults,
      log,
      reset: (wipe) => {
        chains = [];
        if (wipe) {
          state = { payments: [] };
          save();
        }
      },
      info: () => ({
        provider: "lengo",
        apiBaseUrl: `${baseUrl}/api/v1`,
        currencies,
        lateDelayMs,
        callbackRetry: retry,
        testNumbers: TEST_NUMBERS,
        outcomes: OUTCOMES,
      }),
    }),
    ...paymentControlRoutes({
      list: () => state.payments,
      find,
      view: internal,
      unknown: "unknown pay_id",
      complete: (p, request) => {
        const wallet = findWallet(LENGO_COUNTRIES, request.wallet ?? "GN:orange-money");
        const payer =
          request.outcome === "cancelled"
            ? null
            : { phone: request.phone, country: wallet?.country.code ?? "GN", operator: wallet?.operator.name ?? "Orange Money" };
        pay(p, request.outcome, payer, request.delayMs);
      },
    }),
    {
      method: "POST",
      pattern: /^\/__sandbox\/payments\/([^/]+)\/callback$/,
      handler: (_q, res, [payId]) => {
        const p = find(payId!);
        if (!p) return sendJson(res, 404, { error: "unknown pay_id" });
        if (!p.callbackUrl) return sendJson(res, 409, { error: "this payment has no callback_url" });
        void startChain(p, "manual", payloadFor(p, p.status));
        sendJson(res, 202, { ok: true });
      },
    },
    {
      method: "GET",
      pattern: /^\/__sandbox\/callbacks$/,
      handler: (_q, res, _p, url) => {
        const payId = url.searchParams.get("pay_id");
        sendJson(
          res,
          200,
          chains.filter((c) => !payId || c.payId === payId),
        );
      },
    },
  ];

  const server = http.createServer(
    createHandler({
      // Control and API routes first: the hosted page's /{pay_id} pattern would match them too.
      routes: [...control, ...api, ...pages],
      faults,
      log,
      error5xx: (status) => ({
        body: htmlPage(status, status === 500 ? "Server Error" : status === 503 ? "Service Unavailable" : "Bad Gateway"),
        type: "text/html; charset=UTF-8",
      }),
      notFound: (res, pathKnown) =>
        pathKnown
          ? sendHtml(res, 405, htmlPage(405, "Method Not Allowed"))
          : sendHtml(res, 404, htmlPage(404, "Not Found")),
    }),
  );
  const listening = await listen(server, opts.port ?? 0, opts.host ?? "127.0.0.1", () => {
    closing = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    inflight.abort();
  });
  baseUrl = listening.url;

  // Resume what a previous run left unfinished: scheduled status changes and undelivered callbacks.
  for (const p of state.payments) {
    if (p.next) later(() => settle(p), p.next.at - Date.now());
    else if (p.callback?.state === "retrying" && Date.now() - p.callback.startedAt < retry.maxDurationMs) {
      void startChain(p, "final", payloadFor(p, p.callback.status), p.callback.startedAt);
    }
  }
  return listening;
}
