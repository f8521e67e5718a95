import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { parseLengoCallback } from "~/modules/payments/lengo/callback.server";
import { PaymentNotFound, ProviderRejected } from "~/modules/payments/errors";
import {
  api,
  client,
  control,
  licenseKey,
  newPayment,
  raw,
  sandbox,
  shop,
  useLengoSandbox,
  websiteId,
} from "../support/lengo-sandbox";
import { catchError, submitForm } from "../support/provider-sandbox";

/** The Lengo sandbox's API contract, the shop's Lengo client against it, and a payment through its hosted page. */
useLengoSandbox();

describe("Lengo API contract", () => {
  it("POST /payments answers Success, a padded base64 pay_id and the payment URL", async () => {
    const r = await raw("/payments", {
      websiteid: websiteId,
      amount: 1500,
      currency: "GNF",
      return_url: "https://s/r",
      callback_url: "https://s/c",
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      status: "Success",
      pay_id: expect.stringMatching(/^[A-Za-z0-9+/]+=+$/),
      payment_url: `${sandbox.url}/${r.json.pay_id}`,
    });
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

    for (const bad of [
      { amount: 1500, currency: "GNF" },
      { websiteid: websiteId, currency: "GNF" },
      { websiteid: websiteId, amount: 1500 },
      "{not json",
    ]) {
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
    expect((await raw("/payments", { ...body, currency: "JPY" })).json).toEqual({
      status: "ERROR",
      message: "Unsupported currency",
    });

    const status = await raw("/transaction/status", { websiteid: websiteId });
    expect(status).toMatchObject({ status: 400, json: { status: "ERROR", message: "Missing body fields" } });
    expect((await raw("/transaction/status", { websiteid: websiteId, pay_id: "bm9wZQ==" })).status).toBe(404);
    expect((await raw("/transaction/status", { websiteid: websiteId, pay_id: "bm9wZQ==" }, null)).status).toBe(401);
  });

  it("GET /payments/{pay_id} does not exist: an HTML 404", async () => {
    const r = await raw("/payments", { websiteid: websiteId, amount: 1500, currency: "GNF" });
    const get = await fetch(`${api()}/payments/${encodeURIComponent(r.json.pay_id)}`, {
      headers: { authorization: `Basic ${licenseKey}` },
    });
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
    await control(`/__sandbox/payments/${encodeURIComponent(created.reference)}/complete`, {
      outcome: "success",
      wallet: "GN:orange-money",
      phone: "620123456",
    });
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
    expect(await client().getStatus(created)).toMatchObject({
      state: "pending",
      rawStatus: "INITIATED",
      reference: created.reference,
      amount: 15000,
    });
  });

  it("maps errors to typed errors with French shopper messages and no key", async () => {
    const wrong = await catchError(newPayment({ c: client({ licenseKey: "wrong-license" }) }));
    expect(wrong).toBeInstanceOf(ProviderRejected);
    expect(wrong).toMatchObject({ code: "UNAUTHORIZED", configError: true, httpStatus: 401 });
    expect(wrong.shopperMessage).toMatch(/Lengo Pay est momentanément indisponible/);
    expect(`${wrong.message} ${inspect(wrong)}`).not.toContain("wrong-license");

    expect(await catchError(client({ websiteId: "nope" }).getStatus({ reference: "bm9wZQ==" }))).toMatchObject({
      code: "UNAUTHORIZED",
    });

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
    expect(parsed.ok && parsed.callback).toMatchObject({
      reference: created.reference,
      claimedState: state,
      amount: 15000,
      payer: phone,
    });
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
