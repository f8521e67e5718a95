import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { startLygos } from "../../sandbox/lygos/server";
import { ProviderResponseInvalid, ProviderUnavailable } from "~/modules/payments/errors";
import {
  apiKey,
  client,
  control,
  newPayment,
  ref,
  requestLog,
  sandbox,
  shop,
  useLygosSandbox,
  UUID,
} from "../support/lygos-sandbox";
import { catchError, submitForm } from "../support/provider-sandbox";

/** A Lygos payment through the sandbox's hosted page, the sandbox's faults, and its persistence across restarts. */
useLygosSandbox();

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
    for (const country of ["Cameroun", "Côte d&#39;Ivoire", "Sénégal", "RD Congo", "Kenya"])
      expect(html).toContain(country);
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
    const r = await submitForm(
      created.redirectUrl,
      { wallet: "CI:wave", phone: "0600000001", action: "pay" },
      "follow",
    );
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
    await vi.waitFor(async () => expect((await c.getStatus(late.created)).state).toBe("paid"), {
      timeout: 3000,
      interval: 100,
    });
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
    expect((await control(`/__sandbox/payments/${a.created.gatewayId}/complete`, { outcome: "success" })).status).toBe(
      200,
    );
    expect((await control(`/__sandbox/payments/${b.reference}/complete`, { phone: "600000002" })).json.status).toBe(
      "failed",
    );
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
      const created = await c1.createPayment({
        order: { reference, amount: 2000, currency: "XAF" },
        returnUrls: { success: "https://s/" },
      });
      await fetch(`${s.url}/__sandbox/payments/${created.gatewayId}/complete`, {
        method: "POST",
        body: '{"outcome":"success"}',
      });
      await s.close();
      s = await startLygos({ port: 0, apiKey, dataDir: dir });
      try {
        expect(await client({ baseUrl: `${s.url}/v1` }).getStatus(created)).toMatchObject({
          state: "paid",
          amount: 2000,
        });
      } finally {
        await s.close();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
