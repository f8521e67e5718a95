import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { startLygos } from "../../sandbox/lygos/server";
import { PaymentNotFound, ProviderRejected } from "~/modules/payments/errors";
import {
  apiKey,
  client,
  control,
  newPayment,
  raw,
  ref,
  requestLog,
  sandbox,
  useLygosSandbox,
  UUID,
} from "../support/lygos-sandbox";
import { catchError } from "../support/provider-sandbox";

/** The Lygos sandbox's API contract, and the shop's Lygos client's errors against it. */
useLygosSandbox();

describe("Lygos API contract", () => {
  it("POST /gateway answers every documented field with its type", async () => {
    const order_id = ref();
    const r = await raw("POST", "/gateway", {
      body: JSON.stringify({
        amount: 5000,
        shop_name: "Ashtech Store",
        order_id,
        message: "Merci",
        success_url: "https://s/ok",
        failure_url: "https://s/ko",
      }),
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
    const g = (await raw("POST", "/gateway", { body: JSON.stringify({ amount: 1, shop_name: "A", order_id: ref() }) }))
      .json;

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
      const r = await raw(method, "/gateway/3c90c3cc-0d44-4b50-8888-8dd25736052a", {
        body: method === "PUT" ? "{}" : undefined,
      });
      expect(r.json.detail.type).toBe("GATEWAY_NOT_FOUND");
    }

    const payin = await raw("GET", "/gateway/payin/NO-SUCH-ORDER");
    expect(payin.status).toBe(404);
    expect(payin.json.detail.type).not.toBe("API_KEY_NOT_FOUND");

    await control("/__sandbox/faults", { merchantInactive: true });
    const inactive = await raw("GET", `/gateway/${g.id}`);
    expect(inactive.status).toBe(400);
    expect(inactive.json).toEqual({
      detail: { message: "User not found or inactive", type: "GATEWAY_USER_NOT_FOUND" },
    });

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

    const types = await raw("POST", "/gateway", {
      body: JSON.stringify({ amount: "abc", shop_name: 5, order_id: "x" }),
    });
    expect(types.json.detail.map((d: any) => [d.loc.join("."), d.type])).toEqual([
      ["body.amount", "int_parsing"],
      ["body.shop_name", "string_type"],
    ]);
    const fraction = await raw("POST", "/gateway", {
      body: JSON.stringify({ amount: 12.5, shop_name: "A", order_id: "x" }),
    });
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
    expect(await catchError(c.getGateway("3c90c3cc-0d44-4b50-8888-8dd25736052a"))).toMatchObject({
      code: "GATEWAY_NOT_FOUND",
    });

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
    expect(await catchError(client().getGateway(g.id))).toMatchObject({
      code: "GATEWAY_USER_NOT_FOUND",
      configError: true,
    });
  });

  it("refuses a currency the account does not use, before and after asking Lygos", async () => {
    const c = client();
    expect(c.supportsCurrency("XAF")).toBe(true);
    expect(c.supportsCurrency("xaf")).toBe(true);
    expect(c.supportsCurrency("XOF")).toBe(false);
    const before = await catchError(
      c.createPayment({
        order: { reference: ref(), amount: 100, currency: "XOF" },
        returnUrls: { success: "https://s/" },
      }),
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
