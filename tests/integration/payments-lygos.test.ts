import http from "node:http";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startLygos } from "../../sandbox/lygos/server";
import { LygosProvider, type LygosConfig } from "../../app/modules/payments/lygos/client.server";
import {
  PaymentNotFound,
  ProviderRejected,
  ProviderResponseInvalid,
  ProviderUnavailable,
} from "../../app/modules/payments/errors";
import { catchError, submitForm } from "../support/provider-sandbox";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LATE_MS = 400;
const apiKey = `lygos_${randomBytes(16).toString("hex")}`;

let sandbox: { url: string; close(): Promise<void> };
let dataDir: string;
let shop: { url: string; hits: string[]; close(): Promise<void> };
let seq = 0;

/** The store's side of the redirects: answers 200 to anything and remembers the paths. */
async function startShop() {
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

const api = () => `${sandbox.url}/v1`;
const ref = () => `ASH-T${++seq}${Date.now().toString(36).toUpperCase()}`;
const client = (over: Partial<LygosConfig> = {}) =>
  new LygosProvider({ baseUrl: api(), apiKey, shopName: "Ashtech Store", retryDelayMs: 5, ...over });

async function control(p: string, body?: unknown) {
  const r = await fetch(`${sandbox.url}${p}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as any };
}

async function raw(method: string, p: string, opts: { key?: string | null; body?: string } = {}) {
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

async function newPayment(c = client(), amount = 12500) {
  const reference = ref();
  const created = await c.createPayment({
    order: { reference, amount, currency: "XAF", description: "Formation Excel" },
    returnUrls: { success: `${shop.url}/paiement/lygos/retour?n=${reference}&r=ok`, failure: `${shop.url}/paiement/lygos/retour?n=${reference}&r=ko` },
  });
  return { reference, created };
}

async function requestLog() {
  return (await control("/__sandbox/requests")).json as { method: string; path: string; status: number | null }[];
}

describe("Lygos API contract", () => {
  it("POST /gateway answers every documented field with its type", async () => {
    const order_id = ref();
    const r = await raw("POST", "/gateway", {
      body: JSON.stringify({ amount: 5000, shop_name: "Ashtech Store", order_id, message: "Merci", success_url: "https://s/ok", failure_url: "https://s/ko" }),
    });
    expect(r.status).toBe(200);
    expect(r.type).toBe("application/json");
    expect(r.json).toEqual({
      id: expect.stringMatching(UUID),
      amount: 5000,
      currency: "XAF",
      shop_name: "Ashtech Store",
      message: "Merci",
      user_id: expect.stringMatching(UUID),
      creation_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      link: `${sandbox.url}/link/${r.json.id}`,
      order_id,
      success_url: "https://s/ok",
      failure_url: "https://s/ko",
    });
  });

  it("optional fields default to an empty string when absent or null", async () => {
    const r = await raw("POST", "/gateway", {
      body: JSON.stringify({ amount: "700", shop_name: "A", order_id: ref(), message: null, success_url: null }),
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ amount: 700, message: "", success_url: "", failure_url: "" });
  });

  it("lists, reads, updates and deletes gateways through the client", async () => {
    const c = client();
    const order_id = ref();
    const g = await c.createGateway({ amount: 3000, shop_name: "Ashtech Store", order_id });
    expect((await c.listGateways()).map((x) => x.id)).toContain(g.id);

    const one = await c.getGateway(g.id);
    expect(one.user_country).toEqual({ name: "Cameroon", iso_code: "CMR" });
    expect(one.user_id).toBeUndefined();
    const rawOne = await raw("GET", `/gateway/${g.id}`);
    expect(rawOne.json).not.toHaveProperty("user_id");

    await c.updateGateway(g.id, { amount: 3500, message: "Nouveau prix" });
    expect(await c.getGateway(g.id)).toMatchObject({ amount: 3500, message: "Nouveau prix", order_id });

    await c.deleteGateway(g.id);
    expect(await catchError(c.getGateway(g.id))).toBeInstanceOf(PaymentNotFound);
    expect((await c.listGateways()).map((x) => x.id)).not.toContain(g.id);
    expect((await fetch(g.link)).status).toBe(404);
  });

  it("answers the documented error bodies", async () => {
    const g = (await raw("POST", "/gateway", { body: JSON.stringify({ amount: 1, shop_name: "A", order_id: ref() }) })).json;

    for (const key of [null, ""]) {
      const r = await raw("GET", "/gateway", { key });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ detail: { message: "No API Key.", type: "NO_API_KEY_PROVIDED" } });
    }
    const wrong = await raw("GET", `/gateway/payin/${g.order_id}`, { key: "not-the-key" });
    expect(wrong.status).toBe(404);
    expect(wrong.json).toEqual({ detail: { message: "API Key not found", type: "API_KEY_NOT_FOUND" } });

    const unknown = await raw("GET", "/gateway/3c90c3cc-0d44-4b50-8888-8dd25736052a");
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ detail: { message: "Payment Gateway Not found", type: "GATEWAY_NOT_FOUND" } });
    for (const method of ["PUT", "DELETE"]) {
      const r = await raw(method, "/gateway/3c90c3cc-0d44-4b50-8888-8dd25736052a", { body: method === "PUT" ? "{}" : undefined });
      expect(r.json.detail.type).toBe("GATEWAY_NOT_FOUND");
    }

    const payin = await raw("GET", "/gateway/payin/NO-SUCH-ORDER");
    expect(payin.status).toBe(404);
    expect(payin.json.detail.type).not.toBe("API_KEY_NOT_FOUND");

    await control("/__sandbox/faults", { merchantInactive: true });
    const inactive = await raw("GET", `/gateway/${g.id}`);
    expect(inactive.status).toBe(400);
    expect(inactive.json).toEqual({ detail: { message: "User not found or inactive", type: "GATEWAY_USER_NOT_FOUND" } });

    const route = await raw("GET", "/nowhere");
    expect(route).toMatchObject({ status: 404, json: { detail: "Not Found" } });
  });

  it("answers 422 with FastAPI validation lists", async () => {
    const missing = await raw("POST", "/gateway", { body: JSON.stringify({ shop_name: "A" }) });
    expect(missing.status).toBe(422);
    expect(missing.json.detail).toEqual([
      expect.objectContaining({ loc: ["body", "amount"], type: "missing", msg: "Field required" }),
      expect.objectContaining({ loc: ["body", "order_id"], type: "missing", msg: "Field required" }),
    ]);

    const types = await raw("POST", "/gateway", { body: JSON.stringify({ amount: "abc", shop_name: 5, order_id: "x" }) });
    expect(types.json.detail.map((d: any) => [d.loc.join("."), d.type])).toEqual([
      ["body.amount", "int_parsing"],
      ["body.shop_name", "string_type"],
    ]);
    const fraction = await raw("POST", "/gateway", { body: JSON.stringify({ amount: 12.5, shop_name: "A", order_id: "x" }) });
    expect(fraction.json.detail[0]).toMatchObject({ loc: ["body", "amount"], type: "int_from_float" });

    const notJson = await raw("POST", "/gateway", { body: "{amount:" });
    expect(notJson.status).toBe(422);
    expect(notJson.json.detail[0]).toMatchObject({ type: "json_invalid", loc: ["body", 0] });

    const notUuid = await raw("GET", "/gateway/not-a-uuid");
    expect(notUuid.status).toBe(422);
    expect(notUuid.json.detail[0]).toMatchObject({ type: "uuid_parsing", loc: ["path", "gateway_id"] });

    // The key is checked before the body, as FastAPI resolves the dependency first.
    expect((await raw("POST", "/gateway", { key: null, body: "{}" })).status).toBe(401);
  });
});

describe("Lygos client errors", () => {
  it("maps a wrong key to a configuration error, never to 'payment unknown'", async () => {
    const wrong = client({ apiKey: "wrong-key-123" });
    const onStatus = await catchError(wrong.getStatus({ reference: "ASH-X" }));
    expect(onStatus).toBeInstanceOf(ProviderRejected);
    expect(onStatus).toMatchObject({ code: "API_KEY_NOT_FOUND", configError: true, httpStatus: 404 });
    const onCreate = await catchError(newPayment(wrong));
    expect(onCreate).toMatchObject({ code: "API_KEY_NOT_FOUND", configError: true });
    expect(onCreate.shopperMessage).toMatch(/momentanément indisponible/);
    expect(`${onCreate.message} ${JSON.stringify(onCreate)} ${inspect(onCreate)}`).not.toContain("wrong-key-123");
  });

  it("maps a missing key header (401) to a configuration error", async () => {
    const stripKey: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete("api-key");
      return fetch(input, { ...init, headers });
    };
    const e = await catchError(client({ fetch: stripKey }).listGateways());
    expect(e).toBeInstanceOf(ProviderRejected);
    expect(e).toMatchObject({ code: "NO_API_KEY_PROVIDED", httpStatus: 401, configError: true });
  });

  it("tells an unknown order (pending) from an unknown gateway and a wrong base URL", async () => {
    const c = client();
    const unknownOrder = await catchError(c.getStatus({ reference: "ASH-NEVER" }));
    expect(unknownOrder).toBeInstanceOf(PaymentNotFound);
    expect(unknownOrder.shopperMessage).toMatch(/patientez/);
    expect(await catchError(c.getGateway("3c90c3cc-0d44-4b50-8888-8dd25736052a"))).toMatchObject({ code: "GATEWAY_NOT_FOUND" });

    const wrongBase = await catchError(client({ baseUrl: `${sandbox.url}/v2` }).getStatus({ reference: "ASH-X" }));
    expect(wrongBase).toBeInstanceOf(ProviderRejected);
    expect(wrongBase).toMatchObject({ code: "ENDPOINT_NOT_FOUND", configError: true });
  });

  it("maps a 422 to ProviderRejected with the fields in the developer message", async () => {
    const e = await catchError(client().createGateway({ amount: 1.5, shop_name: "A", order_id: "x" }));
    expect(e).toBeInstanceOf(ProviderRejected);
    expect(e).toMatchObject({ code: "VALIDATION", httpStatus: 422 });
    expect(e.message).toContain("body.amount");
    expect(e.shopperMessage).not.toContain("body.amount");
  });

  it("maps an inactive merchant to a configuration error", async () => {
    const g = await client().createGateway({ amount: 100, shop_name: "A", order_id: ref() });
    await control("/__sandbox/faults", { merchantInactive: true });
    expect(await catchError(client().getGateway(g.id))).toMatchObject({ code: "GATEWAY_USER_NOT_FOUND", configError: true });
  });

  it("refuses a currency the account does not use, before and after asking Lygos", async () => {
    const c = client();
    expect(c.supportsCurrency("XAF")).toBe(true);
    expect(c.supportsCurrency("xaf")).toBe(true);
    expect(c.supportsCurrency("XOF")).toBe(false);
    const before = await catchError(
      c.createPayment({ order: { reference: ref(), amount: 100, currency: "XOF" }, returnUrls: { success: "https://s/" } }),
    );
    expect(before).toMatchObject({ code: "UNSUPPORTED_CURRENCY", configError: true });
    expect((await requestLog()).length).toBe(0);

    // The account's currency changed under us (Lygos takes none in the request): the link must not stay payable.
    const xof = await startLygos({ port: 0, apiKey, currency: "XOF", country: { name: "Senegal", iso_code: "SEN" } });
    try {
      const e = await catchError(newPayment(client({ baseUrl: `${xof.url}/v1` })));
      expect(e).toBeInstanceOf(ProviderRejected);
      expect(e).toMatchObject({ code: "CURRENCY_MISMATCH", configError: true });
      const left = (await (await fetch(`${xof.url}/__sandbox/payments`)).json()) as any[];
      expect(left).toHaveLength(1);
      expect(left[0].deleted_at).toEqual(expect.any(String));
    } finally {
      await xof.close();
    }
  });

  it("never shows the key", () => {
    const c = client();
    expect(inspect(c, { depth: 5, showHidden: true })).not.toContain(apiKey);
    expect(JSON.stringify(c)).not.toContain(apiKey);
  });
});

describe("Lygos payment through the hosted page", () => {
  it("creates a payment whose link opens a French, phone-width page with the test numbers", async () => {
    const { reference, created } = await newPayment();
    expect(created).toMatchObject({ provider: "lygos", reference, amount: 12500, currency: "XAF" });
    expect(created.gatewayId).toMatch(UUID);
    expect(created.redirectUrl).toBe(`${sandbox.url}/link/${created.gatewayId}`);

    const page = await fetch(created.redirectUrl);
    expect(page.status).toBe(200);
    // Intl's French grouping separator is a narrow no-break space.
    const html = (await page.text()).replace(/\u202f/g, " ");
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('name="viewport"');
    expect(html).toContain("12 500 F CFA");
    expect(html).toContain("Formation Excel");
    for (const n of ["600000001", "600000002", "600000003", "600000004", "600000005"]) expect(html).toContain(n);
    for (const country of ["Cameroun", "Côte d&#39;Ivoire", "Sénégal", "RD Congo", "Kenya"]) expect(html).toContain(country);
    expect(html).toMatch(/<form[^>]+method="post"/);
    expect(html).not.toMatch(/<script|<link |src=|url\(/i);

    const status = await client().getStatus({ reference, gatewayId: created.gatewayId });
    expect(status).toMatchObject({ state: "pending", rawStatus: "created", reference });
  });

  it.each([
    ["600000001", "ok", "success", "paid"],
    ["+237 6 00 00 00 01", "ok", "success", "paid"],
    ["600000002", "ko", "failed", "failed"],
    ["600000003", "ok", "pending", "pending"],
    ["600000006", "ok", "SUCCESSFUL", "paid"],
    ["677123456", "ok", "success", "paid"],
  ])("number %s returns to %s with status %s (%s)", async (phone, back, rawStatus, state) => {
    const { reference, created } = await newPayment();
    const r = await submitForm(created.redirectUrl, { wallet: "CM:mtn", phone, action: "pay" });
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe(`${shop.url}/paiement/lygos/retour?n=${reference}&r=${back}`);

    const status = await client().getStatus({ reference, gatewayId: created.gatewayId });
    expect(status).toMatchObject({ provider: "lygos", state, rawStatus, reference });
    if (state === "paid") expect(status).toMatchObject({ amount: 12500, currency: "XAF" });
    else expect(status.amount).toBeUndefined();
  });

  it("follows the redirect back to the store", async () => {
    const { reference, created } = await newPayment();
    const r = await submitForm(created.redirectUrl, { wallet: "CI:wave", phone: "0600000001", action: "pay" }, "follow");
    expect(r.status).toBe(200);
    expect(r.url).toBe(`${shop.url}/paiement/lygos/retour?n=${reference}&r=ok`);
    expect(await r.text()).toBe("retour boutique");
    expect(shop.hits).toContain(`/paiement/lygos/retour?n=${reference}&r=ok`);
  });

  it("a late number is pending at the return and paid a little later; an expiring one ends failed", async () => {
    const late = await newPayment();
    const expiring = await newPayment();
    await submitForm(late.created.redirectUrl, { wallet: "BJ:moov", phone: "600000004", action: "pay" });
    await submitForm(expiring.created.redirectUrl, { wallet: "SN:free", phone: "600000005", action: "pay" });
    const c = client();
    expect(await c.getStatus(late.created)).toMatchObject({ state: "pending", rawStatus: "pending" });
    expect(await c.getStatus(expiring.created)).toMatchObject({ state: "pending", rawStatus: "pending" });
    await vi.waitFor(async () => expect((await c.getStatus(late.created)).state).toBe("paid"), { timeout: 3000, interval: 100 });
    expect(await c.getStatus(late.created)).toMatchObject({ rawStatus: "success", amount: 12500, currency: "XAF" });
    expect(await c.getStatus(expiring.created)).toMatchObject({ state: "failed", rawStatus: "expired" });
  });

  it("the cancel button goes to failure_url and the payment is cancelled", async () => {
    const { reference, created } = await newPayment();
    const r = await submitForm(created.redirectUrl, { action: "cancel" });
    expect(r.headers.get("location")).toContain("r=ko");
    expect(await client().getStatus({ reference })).toMatchObject({ state: "failed", rawStatus: "cancelled" });
  });

  it("re-shows the form with a French error for a bad number or wallet", async () => {
    const { reference, created } = await newPayment();
    const badPhone = await submitForm(created.redirectUrl, { wallet: "CM:mtn", phone: "12", action: "pay" });
    expect(badPhone.status).toBe(400);
    expect(await badPhone.text()).toContain("Saisissez un numéro de téléphone valide");
    const badWallet = await submitForm(created.redirectUrl, { wallet: "KE:wave", phone: "600000001", action: "pay" });
    expect(badWallet.status).toBe(400);
    expect(await badWallet.text()).toContain("Choisissez un pays et un opérateur");
    expect(await client().getStatus({ reference })).toMatchObject({ rawStatus: "created" });
  });

  it("a refused payment can be retried on the same link; a paid link cannot be paid again", async () => {
    const { reference, created } = await newPayment();
    await submitForm(created.redirectUrl, { wallet: "CM:mtn", phone: "600000002", action: "pay" });
    expect((await fetch(created.redirectUrl)).status).toBe(200);
    await submitForm(created.redirectUrl, { wallet: "CM:mtn", phone: "600000001", action: "pay" });
    expect(await client().getStatus({ reference, gatewayId: created.gatewayId })).toMatchObject({ state: "paid" });
    const again = await fetch(created.redirectUrl);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("déjà été utilisé");
  });

  it("without a return URL the page itself tells the outcome", async () => {
    const g = await client().createGateway({ amount: 100, shop_name: "A", order_id: ref() });
    const r = await submitForm(g.link, { wallet: "CM:mtn", phone: "600000002", action: "pay" });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("Paiement refusé");
  });

  it("control endpoint completes a payment without the browser, by gateway id or order_id", async () => {
    const a = await newPayment();
    const b = await newPayment();
    expect((await control(`/__sandbox/payments/${a.created.gatewayId}/complete`, { outcome: "success" })).status).toBe(200);
    expect((await control(`/__sandbox/payments/${b.reference}/complete`, { phone: "600000002" })).json.status).toBe("failed");
    expect((await client().getStatus(a.created)).state).toBe("paid");
    expect((await client().getStatus(b.created)).state).toBe("failed");
    expect((await control(`/__sandbox/payments/${a.reference}/complete`, { outcome: "nope" })).status).toBe(400);
    expect((await control(`/__sandbox/payments/NOPE/complete`, { outcome: "success" })).status).toBe(404);
  });

  it("cancel() deletes the gateway; the payin outlives it; a second cancel is harmless", async () => {
    const { reference, created } = await newPayment();
    const c = client();
    await c.cancel(created);
    await c.cancel(created);
    expect((await fetch(created.redirectUrl)).status).toBe(404);
    expect(await c.getStatus(created)).toMatchObject({ state: "pending", rawStatus: "created", reference });
  });

  it("finds the amount without the gateway id when the order_id is unambiguous", async () => {
    const { reference, created } = await newPayment();
    await control(`/__sandbox/payments/${created.gatewayId}/complete`, { outcome: "success" });
    expect(await client().getStatus({ reference })).toMatchObject({ state: "paid", amount: 12500, currency: "XAF" });
  });

  it("falls back to https:// when the link comes without a scheme", async () => {
    await control("/__sandbox/faults", { linkWithoutScheme: true });
    const { created } = await newPayment();
    expect(created.redirectUrl).toBe(`${sandbox.url.replace("http://", "https://")}/link/${created.gatewayId}`);
  });
});

describe("Lygos faults", () => {
  it("retries a read after 5xx and succeeds", async () => {
    const { reference } = await newPayment();
    await control("/__sandbox/faults", { status5xx: 503, times: 2, path: "/payin/" });
    expect(await client().getStatus({ reference })).toMatchObject({ state: "pending" });
    const payins = (await requestLog()).filter((r) => r.path.includes("/payin/"));
    expect(payins.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("gives up after three reads with ProviderUnavailable", async () => {
    await control("/__sandbox/faults", { status5xx: 500 });
    const e = await catchError(client().getStatus({ reference: "ASH-ANY" }));
    expect(e).toBeInstanceOf(ProviderUnavailable);
    expect(e).toMatchObject({ code: "HTTP_500", httpStatus: 500, retryable: true });
    expect(e.shopperMessage).toBe("Lygos Pay ne répond pas pour le moment. Réessayez dans quelques instants.");
    expect((await requestLog()).length).toBe(3);
  });

  it("never retries a create", async () => {
    await control("/__sandbox/faults", { status5xx: 502, times: 5 });
    expect(await catchError(newPayment())).toMatchObject({ code: "HTTP_502" });
    expect((await requestLog()).map((r) => r.method)).toEqual(["POST"]);
  });

  it("applies a per-request fault header", async () => {
    const withFault: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("x-sandbox-fault", "5xx=504");
      return fetch(input, { ...init, headers });
    };
    const e = await catchError(client({ fetch: withFault, readAttempts: 1 }).listGateways());
    expect(e).toMatchObject({ kind: "unavailable", code: "HTTP_504" });
    expect((await client().listGateways()).length).toBeGreaterThan(0);
  });

  it("times out with the configured timeout, without retrying", async () => {
    await control("/__sandbox/faults", { timeout: true });
    const started = Date.now();
    const e = await catchError(client({ timeoutMs: 200 }).getStatus({ reference: "ASH-ANY" }));
    expect(e).toBeInstanceOf(ProviderUnavailable);
    expect(e.code).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await requestLog()).filter((r) => r.path.includes("/payin/")).length).toBe(1);
  });

  it("tolerates latency under the timeout and fails over it", async () => {
    const { reference } = await newPayment();
    await control("/__sandbox/faults", { latencyMs: 150 });
    expect((await client({ timeoutMs: 2000 }).getStatus({ reference })).state).toBe("pending");
    expect(await catchError(client({ timeoutMs: 50 }).getStatus({ reference }))).toMatchObject({ code: "TIMEOUT" });
  });

  it("maps malformed JSON to ProviderResponseInvalid, on reads and on create", async () => {
    const { reference } = await newPayment();
    await control("/__sandbox/faults", { malformedJson: true });
    const onRead = await catchError(client().getStatus({ reference }));
    expect(onRead).toBeInstanceOf(ProviderResponseInvalid);
    expect(onRead.code).toBe("MALFORMED_JSON");
    expect(await catchError(newPayment())).toBeInstanceOf(ProviderResponseInvalid);
  });

  it("maps a refused connection to ProviderUnavailable after retrying", async () => {
    const gone = await startLygos({ port: 0, apiKey });
    const url = gone.url;
    await gone.close();
    const e = await catchError(client({ baseUrl: `${url}/v1` }).getStatus({ reference: "ASH-ANY" }));
    expect(e).toMatchObject({ kind: "unavailable", code: "NETWORK" });
    expect(e.message).not.toContain(apiKey);
  });

  it("refuses unknown faults", async () => {
    expect((await control("/__sandbox/faults", { bogus: 1 })).status).toBe(400);
    expect((await control("/__sandbox/faults", { status5xx: 404 })).status).toBe(400);
  });
});

describe("Lygos sandbox persistence", () => {
  it("keeps gateways and payins across a restart on the same data directory", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lygos-restart-"));
    try {
      let s = await startLygos({ port: 0, apiKey, dataDir: dir });
      const c1 = client({ baseUrl: `${s.url}/v1` });
      const reference = ref();
      const created = await c1.createPayment({ order: { reference, amount: 2000, currency: "XAF" }, returnUrls: { success: "https://s/" } });
      await fetch(`${s.url}/__sandbox/payments/${created.gatewayId}/complete`, { method: "POST", body: '{"outcome":"success"}' });
      await s.close();
      s = await startLygos({ port: 0, apiKey, dataDir: dir });
      try {
        expect(await client({ baseUrl: `${s.url}/v1` }).getStatus(created)).toMatchObject({ state: "paid", amount: 2000 });
      } finally {
        await s.close();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
