import http from "node:http";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startLygos } from "../../sandbox/lygos/server";
import { LygosProvider, type LygosConfig } from "~/modules/payments/lygos/client.server";

/** Shared by the Lygos sandbox tests: the sandbox, a stand-in store for its redirects, and helpers. */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const LATE_MS = 400;
export const apiKey = `lygos_${randomBytes(16).toString("hex")}`;

export let sandbox: { url: string; close(): Promise<void> };
let dataDir: string;
export let shop: { url: string; hits: string[]; close(): Promise<void> };
let seq = 0;

/** The store's side of the redirects: answers 200 to anything and remembers the paths. */
export async function startShop() {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("retour boutique");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Starts the sandbox and the store for the calling test file, and resets the sandbox before each test. */
export function useLygosSandbox() {
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "lygos-test-"));
    sandbox = await startLygos({ port: 0, apiKey, dataDir, lateDelayMs: LATE_MS });
    shop = await startShop();
  });

  afterAll(async () => {
    await sandbox?.close();
    await shop?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await control("/__sandbox/reset", {});
  });
}

export const api = () => `${sandbox.url}/v1`;
export const ref = () => `ASH-T${++seq}${Date.now().toString(36).toUpperCase()}`;
export const client = (over: Partial<LygosConfig> = {}) =>
  new LygosProvider({ baseUrl: api(), apiKey, shopName: "Ashtech Store", retryDelayMs: 5, ...over });

export async function control(p: string, body?: unknown) {
  const r = await fetch(`${sandbox.url}${p}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as any };
}

export async function raw(method: string, p: string, opts: { key?: string | null; body?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const key = opts.key === undefined ? apiKey : opts.key;
  if (key !== null) headers["api-key"] = key;
  const r = await fetch(`${api()}${p}`, { method, headers, body: opts.body });
  const text = await r.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: r.status, json, text, type: r.headers.get("content-type") };
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
