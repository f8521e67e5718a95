import { randomBytes } from "node:crypto";
import { startLengo, type LengoOptions } from "../../sandbox/lengo/server";
import { LengoProvider, type LengoConfig } from "~/modules/payments/lengo/client.server";
import {
  readAnswer,
  sandboxControl,
  serveOnLoopback,
  useProviderSandbox,
  type RunningSandbox,
} from "./provider-sandbox";

/** Shared by the Lengo sandbox tests: the sandbox, a stand-in store for its return pages and callbacks, and helpers. */

export const LATE_MS = 400;
export const licenseKey = `lengo_${randomBytes(16).toString("hex")}`;
export const websiteId = randomBytes(4).toString("hex");
export const RETRY = {
  initialDelayMs: 40,
  maxDelayMs: 160,
  maxDurationMs: 1200,
  timeoutMs: 1000,
} satisfies LengoOptions["callbackRetry"];

export let sandbox: RunningSandbox;
export let shop: Awaited<ReturnType<typeof startShop>>;
let seq = 0;

interface Hit {
  path: string;
  body: any;
  at: number;
}

/**
 * The store's side: return pages and callback endpoints. A path can be told which statuses
 * to answer in turn (then 200), as a store whose database is briefly down would.
 */
export async function startShop() {
  const hits: Hit[] = [];
  const scripts = new Map<string, number[]>();
  const server = await serveOnLoopback((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const p = req.url ?? "";
      const text = Buffer.concat(chunks).toString();
      hits.push({ path: p, body: text ? JSON.parse(text) : undefined, at: Date.now() });
      const status = scripts.get(p)?.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status === 200 ? "ok" : "indisponible");
    });
  });
  return {
    ...server,
    hits,
    callbacks: (p: string) => hits.filter((h) => h.path === p).map((h) => h.body),
    script: (p: string, statuses: number[]) => void scripts.set(p, [...statuses]),
  };
}

/** Starts the sandbox and the store for the calling test file, and resets the sandbox before each test. */
export function useLengoSandbox() {
  useProviderSandbox({
    name: "lengo",
    start: (dataDir) =>
      startLengo({ port: 0, licenseKey, websiteId, dataDir, lateDelayMs: LATE_MS, callbackRetry: RETRY }),
    startShop,
    started: (running, store) => {
      sandbox = running;
      shop = store;
    },
  });
}

export const api = () => `${sandbox.url}/api/v1`;
export const client = (over: Partial<LengoConfig> = {}) =>
  new LengoProvider({ baseUrl: api(), licenseKey, websiteId, retryDelayMs: 5, ...over });

export const control = (p: string, body?: unknown) => sandboxControl(sandbox.url, p, body);

export async function raw(p: string, body: unknown, auth: string | null = `Basic ${licenseKey}`, method = "POST") {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (auth !== null) headers.authorization = auth;
  return readAnswer(
    await fetch(`${api()}${p}`, {
      method,
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

export async function newPayment(opts: { c?: LengoProvider; amount?: number; currency?: string } = {}) {
  const n = ++seq;
  const cbPath = `/api/paiement/lengo?o=ASH-${n}&t=${randomBytes(8).toString("hex")}`;
  const created = await (opts.c ?? client()).createPayment({
    order: { reference: `ASH-${n}`, amount: opts.amount ?? 15000, currency: opts.currency ?? "XAF" },
    returnUrls: { success: `${shop.url}/paiement/lengo/retour?n=ASH-${n}` },
    callbackUrl: `${shop.url}${cbPath}`,
  });
  return { created, cbPath, returnPath: `/paiement/lengo/retour?n=ASH-${n}` };
}

export async function chains(payId: string) {
  return (await control(`/__sandbox/callbacks?pay_id=${encodeURIComponent(payId)}`)).json as {
    kind: string;
    state: string;
    payload: any;
    attempts: { responseStatus: number | null; error: string | null }[];
    nextAttemptAt?: string;
  }[];
}
