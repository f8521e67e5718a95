import http from "node:http";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startLengo, type LengoOptions } from "../../sandbox/lengo/server";
import { parseLengoCallback } from "../../app/modules/payments/lengo/callback.server";
import { LengoProvider, type LengoConfig } from "../../app/modules/payments/lengo/client.server";
import {
  PaymentNotFound,
  PaymentProviderError,
  ProviderRejected,
  ProviderResponseInvalid,
  ProviderUnavailable,
} from "../../app/modules/payments/errors";

const LATE_MS = 400;
const licenseKey = `lengo_${randomBytes(16).toString("hex")}`;
const websiteId = randomBytes(4).toString("hex");
const RETRY: LengoOptions["callbackRetry"] = { initialDelayMs: 40, maxDelayMs: 160, maxDurationMs: 1200, timeoutMs: 1000 };

let sandbox: { url: string; close(): Promise<void> };
let dataDir: string;
let shop: Awaited<ReturnType<typeof startShop>>;
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
async function startShop() {
  const hits: Hit[] = [];
  const scripts = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
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
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    callbacks: (p: string) => hits.filter((h) => h.path === p).map((h) => h.body),
    script: (p: string, statuses: number[]) => void scripts.set(p, [...statuses]),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "lengo-test-"));
  sandbox = await startLengo({ port: 0, licenseKey, websiteId, dataDir, lateDelayMs: LATE_MS, callbackRetry: RETRY });
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

const api = () => `${sandbox.url}/api/v1`;
const client = (over: Partial<LengoConfig> = {}) =>
  new LengoProvider({ baseUrl: api(), licenseKey, websiteId, retryDelayMs: 5, ...over });

async function control(p: string, body?: unknown) {
  const r = await fetch(`${sandbox.url}${p}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as any };
}

async function raw(p: string, body: unknown, auth: string | null = `Basic ${licenseKey}`, method = "POST") {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (auth !== null) headers.authorization = auth;
  const r = await fetch(`${api()}${p}`, { method, headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  const text = await r.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: r.status, json, text, type: r.headers.get("content-type") };
}

async function newPayment(opts: { c?: LengoProvider; amount?: number; currency?: string } = {}) {
  const n = ++seq;
  const cbPath = `/api/paiement/lengo?o=ASH-${n}&t=${randomBytes(8).toString("hex")}`;
  const created = await (opts.c ?? client()).createPayment({
    order: { reference: `ASH-${n}`, amount: opts.amount ?? 15000, currency: opts.currency ?? "XAF" },
    returnUrls: { success: `${shop.url}/paiement/lengo/retour?n=ASH-${n}` },
    callbackUrl: `${shop.url}${cbPath}`,
  });
  return { created, cbPath, returnPath: `/paiement/lengo/retour?n=ASH-${n}` };
}

function submitForm(url: string, fields: Record<string, string>, redirect: RequestRedirect = "manual") {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect,
  });
}

async function chains(payId: string) {
  return (await control(`/__sandbox/callbacks?pay_id=${encodeURIComponent(payId)}`)).json as {
    kind: string;
    state: string;
    payload: any;
    attempts: { responseStatus: number | null; error: string | null }[];
    nextAttemptAt?: string;
  }[];
}

async function catchError(p: Promise<unknown>): Promise<PaymentProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PaymentProviderError) return e;
    throw e;
  }
  throw new Error("expected a PaymentProviderError");
}


describe("Lengo API contract", () => {
  it("POST /payments answers Success, a padded base64 pay_id and the payment URL", async () => {
    const r = await raw("/payments", { websiteid: websiteId, amount: 1500, currency: "GNF", return_url: "https://s/r", callback_url: "https://s/c" });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: "Success", pay_id: expect.stringMatching(/^[A-Za-z0-9+/]+=+$/), payment_url: `${sandbox.url}/${r.json.pay_id}` });
    expect(Buffer.from(r.json.pay_id, "base64").toString("base64")).toBe(r.json.pay_id);
  });

  it("answers the documented error bodies", async () => {
    const body = { websiteid: websiteId, amount: 1500, currency: "GNF" };
    for (const auth of [null, "Basic wrong", `Basic ${Buffer.from(licenseKey).toString("base64")}`, licenseKey]) {
      const r = await raw("/payments", body, auth);
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ error: "Unauthorized !" });
    }
    expect((await raw("/payments", { ...body, websiteid: "other" })).json).toEqual({ error: "Unauthorized !" });

    for (const bad of [{ amount: 1500, currency: "GNF" }, { websiteid: websiteId, currency: "GNF" }, { websiteid: websiteId, amount: 1500 }, "{not json"]) {
      const r = await raw("/payments", bad);
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ status: "ERROR", message: "Missing body fields" });
    }
    for (const amount of [100, 999, -5, 1500.5, "abc"]) {
      const r = await raw("/payments", { ...body, amount });
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ status: "ERROR", message: "Unsupported amount" });
    }
    expect((await raw("/payments", { ...body, amount: 1000 })).status).toBe(200);
    expect((await raw("/payments", { ...body, amount: "1000" })).status).toBe(200);
    expect((await raw("/payments", { ...body, currency: "JPY" })).json).toEqual({ status: "ERROR", message: "Unsupported currency" });

    const status = await raw("/transaction/status", { websiteid: websiteId });
    expect(status).toMatchObject({ status: 400, json: { status: "ERROR", message: "Missing body fields" } });
    expect((await raw("/transaction/status", { websiteid: websiteId, pay_id: "bm9wZQ==" })).status).toBe(404);
    expect((await raw("/transaction/status", { websiteid: websiteId, pay_id: "bm9wZQ==" }, null)).status).toBe(401);
  });

  it("GET /payments/{pay_id} does not exist: an HTML 404", async () => {
    const r = await raw("/payments", { websiteid: websiteId, amount: 1500, currency: "GNF" });
    const get = await fetch(`${api()}/payments/${encodeURIComponent(r.json.pay_id)}`, { headers: { authorization: `Basic ${licenseKey}` } });
    expect(get.status).toBe(404);
    expect(get.headers.get("content-type")).toContain("text/html");
    expect(await get.text()).toContain("<!DOCTYPE html>");
  });

  it("status answers status, pay_id, amount, date; gateway and account once the payer acted", async () => {
    const { created } = await newPayment();
    const before = await raw("/transaction/status", { pay_id: created.reference, websiteid: websiteId });
    expect(before.json).toEqual({
      status: "INITIATED",
      pay_id: created.reference,
      amount: 15000,
      date: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success", wallet: "GN:orange-money", phone: "620123456" });
    const after = await raw("/transaction/status", { pay_id: created.reference, websiteid: websiteId });
    expect(after.json).toMatchObject({ status: "SUCCESS", gateway: "Orange Money", account: "620123456" });
  });
});

describe("Lengo client", () => {
  it("creates a payment and reads its status", async () => {
    const { created } = await newPayment();
    expect(created).toMatchObject({ provider: "lengo", amount: 15000, currency: "XAF" });
    expect(created.reference).toMatch(/=$/);
    expect(created.redirectUrl).toBe(`${sandbox.url}/${created.reference}`);
    expect(await client().getStatus(created)).toMatchObject({ state: "pending", rawStatus: "INITIATED", reference: created.reference, amount: 15000 });
  });

  it("maps errors to typed errors with French shopper messages and no key", async () => {
    const wrong = await catchError(newPayment({ c: client({ licenseKey: "wrong-license" }) }));
    expect(wrong).toBeInstanceOf(ProviderRejected);
    expect(wrong).toMatchObject({ code: "UNAUTHORIZED", configError: true, httpStatus: 401 });
    expect(wrong.shopperMessage).toMatch(/Lengo Pay est momentanément indisponible/);
    expect(`${wrong.message} ${inspect(wrong)}`).not.toContain("wrong-license");

    expect(await catchError(client({ websiteId: "nope" }).getStatus({ reference: "bm9wZQ==" }))).toMatchObject({ code: "UNAUTHORIZED" });

    const unknown = await catchError(client().getStatus({ reference: "bm9wZQ==" }));
    expect(unknown).toBeInstanceOf(PaymentNotFound);

    const amount = await catchError(newPayment({ amount: 100, currency: "GNF" }));
    expect(amount).toMatchObject({ kind: "rejected", code: "UNSUPPORTED_AMOUNT", configError: false });
    expect(amount.shopperMessage).toBe("Lengo Pay n'accepte pas ce montant. Choisissez un autre moyen de paiement.");

    const wrongBase = await catchError(newPayment({ c: client({ baseUrl: `${sandbox.url}/api/v2` }) }));
    expect(wrongBase).toMatchObject({ code: "ENDPOINT_NOT_FOUND", configError: true });
  });

  it("only offers its configured currencies, without asking Lengo", async () => {
    const c = client({ currencies: ["GNF"] });
    expect(c.supportsCurrency("gnf")).toBe(true);
    expect(c.supportsCurrency("XAF")).toBe(false);
    expect(await catchError(newPayment({ c }))).toMatchObject({ code: "UNSUPPORTED_CURRENCY" });
    expect((await control("/__sandbox/requests")).json).toEqual([]);
    expect(client().supportsCurrency("XAF")).toBe(true);
  });

  it("refuses a non-positive or fractional amount before any request", async () => {
    await expect(newPayment({ amount: 0 })).rejects.toThrow(TypeError);
    await expect(newPayment({ amount: 10.5 })).rejects.toThrow(TypeError);
  });

  it("never shows the license key", () => {
    const c = client();
    expect(inspect(c, { depth: 5, showHidden: true })).not.toContain(licenseKey);
    expect(JSON.stringify(c)).not.toContain(licenseKey);
  });
});

describe("Lengo payment through the hosted page, with callbacks", () => {
  it("the payment URL opens a French page with Guinea and the test numbers; the pay_id works encoded too", async () => {
    const { created } = await newPayment();
    const page = await fetch(created.redirectUrl);
    expect(page.status).toBe(200);
    const html = (await page.text()).replace(/\u202f/g, " ");
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("15 000 F CFA");
    expect(html).toContain("Guinée");
    expect(html).toContain("Orange Money");
    for (const n of ["600000001", "600000002", "600000003", "600000004", "600000005"]) expect(html).toContain(n);
    expect(html).not.toMatch(/<script|<link |src=/i);
    expect((await fetch(`${sandbox.url}/${encodeURIComponent(created.reference)}`)).status).toBe(200);
  });

  it.each([
    ["600000001", "SUCCESS", "paid", "Transaction Successful"],
    ["600000002", "FAILED", "failed", "Transaction Failed"],
    ["622000000", "SUCCESS", "paid", "Transaction Successful"],
  ])("number %s: back to return_url, status %s (%s), callback sent", async (phone, rawStatus, state, message) => {
    const { created, cbPath, returnPath } = await newPayment();
    const r = await submitForm(created.redirectUrl, { wallet: "GN:orange-money", phone, action: "pay" });
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe(`${shop.url}${returnPath}`);
    expect(await client().getStatus(created)).toMatchObject({ state, rawStatus, amount: 15000, payer: phone });

    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(1), { timeout: 2000, interval: 20 });
    const body = shop.callbacks(cbPath)[0];
    expect(body).toEqual({ pay_id: created.reference, status: rawStatus, amount: 15000, message, Client: phone });
    const parsed = parseLengoCallback(body);
    expect(parsed.ok && parsed.callback).toMatchObject({ reference: created.reference, claimedState: state, amount: 15000, payer: phone });
  });

  it("follows the redirect back to the store's return URL", async () => {
    const { created, returnPath } = await newPayment();
    const r = await submitForm(created.redirectUrl, { wallet: "CM:mtn", phone: "600000001", action: "pay" }, "follow");
    expect(r.url).toBe(`${shop.url}${returnPath}`);
    expect(await r.text()).toBe("ok");
  });

  it("INITIATED → PENDING → SUCCESS for a late number, with the callback only at the end", async () => {
    const { created, cbPath } = await newPayment();
    await submitForm(created.redirectUrl, { wallet: "GN:mtn", phone: "600000004", action: "pay" });
    const c = client();
    expect(await c.getStatus(created)).toMatchObject({ state: "pending", rawStatus: "PENDING" });
    expect(shop.callbacks(cbPath)).toHaveLength(0);
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(1), { timeout: 3000, interval: 20 });
    expect(shop.callbacks(cbPath)[0].status).toBe("SUCCESS");
    expect(await c.getStatus(created)).toMatchObject({ state: "paid", rawStatus: "SUCCESS" });
  });

  it("pending stays pending without a callback; expired and cancelled end failed with one", async () => {
    const pending = await newPayment();
    const expiring = await newPayment();
    const cancelled = await newPayment();
    await submitForm(pending.created.redirectUrl, { wallet: "GN:mtn", phone: "600000003", action: "pay" });
    await submitForm(expiring.created.redirectUrl, { wallet: "GN:mtn", phone: "600000005", action: "pay" });
    const back = await submitForm(cancelled.created.redirectUrl, { action: "cancel" });
    expect(back.headers.get("location")).toBe(`${shop.url}${cancelled.returnPath}`);
    const c = client();
    await vi.waitFor(() => expect(shop.callbacks(expiring.cbPath)).toHaveLength(1), { timeout: 3000, interval: 20 });
    expect(await c.getStatus(pending.created)).toMatchObject({ state: "pending", rawStatus: "PENDING" });
    expect(shop.callbacks(pending.cbPath)).toHaveLength(0);
    expect(await c.getStatus(expiring.created)).toMatchObject({ state: "failed", rawStatus: "EXPIRED" });
    expect(shop.callbacks(expiring.cbPath)[0]).toMatchObject({ status: "EXPIRED", message: "Transaction Expired" });
    expect(await c.getStatus(cancelled.created)).toMatchObject({ state: "failed", rawStatus: "CANCELLED" });
    expect(shop.callbacks(cancelled.cbPath)[0]).toMatchObject({ status: "CANCELLED", Client: "" });
  });

  it("re-shows the form with a French error for a bad number", async () => {
    const { created } = await newPayment();
    const r = await submitForm(created.redirectUrl, { wallet: "GN:mtn", phone: "abc", action: "pay" });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("Saisissez un numéro de téléphone valide");
  });
});

describe("Lengo callback delivery", () => {
  it("retries with backoff while the store fails, and stops at the first 2xx", async () => {
    const { created, cbPath } = await newPayment();
    shop.script(cbPath, [500, 503]);
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(async () => expect((await chains(created.reference))[0]?.state).toBe("delivered"), { timeout: 3000, interval: 20 });
    const [chain] = await chains(created.reference);
    expect(chain!.attempts.map((a) => a.responseStatus)).toEqual([500, 503, 200]);
    const times = shop.hits.filter((h) => h.path === cbPath).map((h) => h.at);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(times[1]! - times[0]!);
    // Nothing more is scheduled after the 2xx: the store has had every callback it will get.
    expect(chain!.nextAttemptAt).toBeUndefined();
    expect(shop.callbacks(cbPath)).toHaveLength(3);
  });

  it("gives up once the retry window has passed", async () => {
    const { created, cbPath } = await newPayment();
    shop.script(cbPath, Array(100).fill(500));
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "failed" });
    await vi.waitFor(async () => expect((await chains(created.reference))[0]?.state).toBe("gave_up"), { timeout: 4000, interval: 50 });
    const [chain] = await chains(created.reference);
    expect(chain!.nextAttemptAt).toBeUndefined();
    expect(shop.callbacks(cbPath)).toHaveLength(chain!.attempts.length);
    expect(chain!.attempts.length).toBeGreaterThan(3);
  });

  it("records attempts to an unreachable store", async () => {
    const gone = await startShop();
    await gone.close();
    const created = await client().createPayment({
      order: { reference: "ASH-GONE", amount: 5000, currency: "XAF" },
      returnUrls: { success: `${shop.url}/r` },
      callbackUrl: `${gone.url}/cb`,
    });
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(async () => expect((await chains(created.reference))[0]?.attempts.length).toBeGreaterThanOrEqual(2), { timeout: 2000 });
    const [chain] = await chains(created.reference);
    expect(chain!.attempts[0]).toMatchObject({ responseStatus: null, error: expect.stringMatching(/\S/) });
  });

  it("sends duplicate callbacks at once when asked (sandbox-wide)", async () => {
    await control("/__sandbox/faults", { duplicateCallbacks: 10 });
    const { created, cbPath } = await newPayment();
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(10), { timeout: 2000, interval: 20 });
    expect(new Set(shop.callbacks(cbPath).map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it("sends duplicate callbacks for one payment when its create request asked (per request)", async () => {
    const withFault: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("x-sandbox-fault", "duplicate-callbacks=3");
      return fetch(input, { ...init, headers });
    };
    const { created, cbPath } = await newPayment({ c: client({ fetch: withFault }) });
    const other = await newPayment();
    for (const p of [created, other.created]) {
      await control(`/__sandbox/payments/${encodeURIComponent(p.reference)}/complete`, { outcome: "success" });
    }
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(3), { timeout: 2000, interval: 20 });
    await vi.waitFor(() => expect(shop.callbacks(other.cbPath)).toHaveLength(1), { timeout: 2000, interval: 20 });
  });

  it("sends a stale callback after the final one when asked (out of order)", async () => {
    await control("/__sandbox/faults", { outOfOrderCallbacks: true });
    const { created, cbPath } = await newPayment();
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(2), { timeout: 2000, interval: 20 });
    expect(shop.callbacks(cbPath).map((b) => b.status)).toEqual(["SUCCESS", "PENDING"]);
    expect((await client().getStatus(created)).rawStatus).toBe("SUCCESS");
  });

  it("sends a callback whose amount differs from the payment's when asked", async () => {
    await control("/__sandbox/faults", { callbackAmountDelta: -14000 });
    const { created, cbPath } = await newPayment();
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(1), { timeout: 2000, interval: 20 });
    expect(shop.callbacks(cbPath)[0].amount).toBe(1000);
    expect((await client().getStatus(created)).amount).toBe(15000);
  });

  it("resends a callback on demand", async () => {
    const { created, cbPath } = await newPayment();
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { outcome: "success" });
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(1), { timeout: 2000, interval: 20 });
    expect((await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/callback`, {})).status).toBe(202);
    await vi.waitFor(() => expect(shop.callbacks(cbPath)).toHaveLength(2), { timeout: 2000, interval: 20 });
  });

  it("resumes an undelivered callback after a restart on the same data directory", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lengo-restart-"));
    const retry = { initialDelayMs: 100, maxDelayMs: 100, maxDurationMs: 10_000, timeoutMs: 1000 };
    try {
      let s = await startLengo({ port: 0, licenseKey, websiteId, dataDir: dir, callbackRetry: retry });
      const c = client({ baseUrl: `${s.url}/api/v1` });
      const cbPath = "/cb-restart";
      shop.script(cbPath, Array(1000).fill(503));
      const created = await c.createPayment({
        order: { reference: "ASH-R", amount: 5000, currency: "XAF" },
        returnUrls: { success: `${shop.url}/r` },
        callbackUrl: `${shop.url}${cbPath}`,
      });
      await fetch(`${s.url}/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, { method: "POST", body: '{"outcome":"success"}' });
      await vi.waitFor(() => expect(shop.callbacks(cbPath).length).toBeGreaterThanOrEqual(1), { timeout: 2000, interval: 20 });
      await s.close();
      shop.script(cbPath, []);
      s = await startLengo({ port: 0, licenseKey, websiteId, dataDir: dir, callbackRetry: retry });
      try {
        await vi.waitFor(
          async () => {
            const list = (await (await fetch(`${s.url}/__sandbox/callbacks`)).json()) as any[];
            expect(list[0]?.state).toBe("delivered");
          },
          { timeout: 3000, interval: 50 },
        );
        expect(shop.callbacks(cbPath).at(-1)).toMatchObject({ pay_id: created.reference, status: "SUCCESS" });
        expect((await client({ baseUrl: `${s.url}/api/v1` }).getStatus(created)).state).toBe("paid");
      } finally {
        await s.close();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("Lengo faults", () => {
  it("retries the status read (a POST, but a read) after 5xx", async () => {
    const { created } = await newPayment();
    await control("/__sandbox/faults", { status5xx: 502, times: 2, path: "/transaction/status" });
    expect((await client().getStatus(created)).rawStatus).toBe("INITIATED");
    const log = (await control("/__sandbox/requests")).json as { path: string; status: number }[];
    expect(log.filter((r) => r.path.includes("/status")).map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it("gives up after three reads, and never retries a create", async () => {
    const { created } = await newPayment();
    await control("/__sandbox/faults", { status5xx: 500 });
    const e = await catchError(client().getStatus(created));
    expect(e).toBeInstanceOf(ProviderUnavailable);
    expect(e.shopperMessage).toBe("Lengo Pay ne répond pas pour le moment. Réessayez dans quelques instants.");
    expect(await catchError(newPayment())).toMatchObject({ code: "HTTP_500" });
    const log = (await control("/__sandbox/requests")).json as { path: string; status: number }[];
    expect(log.filter((r) => r.path.endsWith("/status")).length).toBe(3);
    expect(log.filter((r) => r.path.endsWith("/payments")).map((r) => r.status)).toEqual([200, 500]);
  });

  it("times out with the configured timeout", async () => {
    const { created } = await newPayment();
    await control("/__sandbox/faults", { timeout: true });
    const started = Date.now();
    expect(await catchError(client({ timeoutMs: 200 }).getStatus(created))).toMatchObject({ kind: "unavailable", code: "TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("maps malformed JSON to ProviderResponseInvalid", async () => {
    const { created } = await newPayment();
    await control("/__sandbox/faults", { malformedJson: true });
    const e = await catchError(client().getStatus(created));
    expect(e).toBeInstanceOf(ProviderResponseInvalid);
    expect(e.shopperMessage).not.toMatch(/\{|status/);
  });

  it("adds latency per request through the header", async () => {
    const { created } = await newPayment();
    const slow: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("x-sandbox-fault", "latency=300");
      return fetch(input, { ...init, headers });
    };
    expect(await catchError(client({ fetch: slow, timeoutMs: 100 }).getStatus(created))).toMatchObject({ code: "TIMEOUT" });
    expect((await client({ timeoutMs: 100 }).getStatus(created)).state).toBe("pending");
  });
});
