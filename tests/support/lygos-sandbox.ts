import { randomBytes } from "node:crypto";
import { startLygos } from "../../sandbox/lygos/server";
import { LygosProvider, type LygosConfig } from "~/modules/payments/lygos/client.server";
import {
  readAnswer,
  sandboxControl,
  serveOnLoopback,
  useProviderSandbox,
  type RunningSandbox,
} from "./provider-sandbox";

/** Shared by the Lygos sandbox tests: the sandbox, a stand-in store for its redirects, and helpers. */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const LATE_MS = 400;
export const apiKey = `lygos_${randomBytes(16).toString("hex")}`;

export let sandbox: RunningSandbox;
export let shop: { url: string; hits: string[]; close(): Promise<void> };
let seq = 0;

/** The store's side of the redirects: answers 200 to anything and remembers the paths. */
export async function startShop() {
  const hits: string[] = [];
  const server = await serveOnLoopback((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("retour boutique");
  });
  return { ...server, hits };
}

/** Starts the sandbox and the store for the calling test file, and resets the sandbox before each test. */
export function useLygosSandbox() {
  useProviderSandbox({
    name: "lygos",
    start: (dataDir) => startLygos({ port: 0, apiKey, dataDir, lateDelayMs: LATE_MS }),
    startShop,
    started: (running, store) => {
      sandbox = running;
      shop = store;
    },
  });
}

export const api = () => `${sandbox.url}/v1`;
export const ref = () => `ASH-T${++seq}${Date.now().toString(36).toUpperCase()}`;
export const client = (over: Partial<LygosConfig> = {}) =>
  new LygosProvider({ baseUrl: api(), apiKey, shopName: "Ashtech Store", retryDelayMs: 5, ...over });

export const control = (p: string, body?: unknown) => sandboxControl(sandbox.url, p, body);

export async function raw(method: string, p: string, opts: { key?: string | null; body?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const key = opts.key === undefined ? apiKey : opts.key;
  if (key !== null) headers["api-key"] = key;
  return readAnswer(await fetch(`${api()}${p}`, { method, headers, body: opts.body }));
}

export async function newPayment(c = client(), amount = 12500) {
  const reference = ref();
  const created = await c.createPayment({
    order: { reference, amount, currency: "XAF", description: "Formation Excel" },
    returnUrls: {
      success: `${shop.url}/paiement/lygos/retour?n=${reference}&r=ok`,
      failure: `${shop.url}/paiement/lygos/retour?n=${reference}&r=ko`,
    },
  });
  return { reference, created };
}

export async function requestLog() {
  return (await control("/__sandbox/requests")).json as { method: string; path: string; status: number | null }[];
}
