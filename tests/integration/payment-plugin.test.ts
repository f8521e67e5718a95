import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Order } from "~/modules/orders/order-document";
import { startSandbox, type Sandbox } from "../../sandbox/index";
import { fakePayPlugin } from "../support/fakepay/plugin";
import { startFakePay } from "../support/fakepay/sandbox";
import { lakeClient, orderFromLocation, payOnHostedPage } from "../support/shopper";

/**
 * The proof that providers are plug-ins: a third one (tests/support/fakepay/: its client, status
 * mapping, coverage and sandbox) is registered through the registry alone, and a buyer pays
 * through it. The routes run in this process, so that the registration reaches them; the lake and
 * both sandboxes are real servers over HTTP.
 */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains";
const ORIGIN = "http://boutique.test";

let dataDir: string;
let sandbox: Sandbox;
let fakePay: Awaited<ReturnType<typeof startFakePay>>;
let lake: SanityClient;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "ashtech-plugin-"));
  sandbox = await startSandbox({ dataDir });
  fakePay = await startFakePay({ key: "fake-pay-key-123" });
  Object.assign(process.env, sandbox.storefrontEnv(), {
    PUBLIC_URL: ORIGIN,
    RECONCILE_INTERVAL_SECONDS: "0",
    FAKEPAY_API_URL: fakePay.url,
    FAKEPAY_KEY: "fake-pay-key-123",
  });
  const { registerPaymentPlugin } = await import("~/modules/payments/registry.server");
  registerPaymentPlugin(fakePayPlugin);
  lake = lakeClient({ sandbox } as never);
});

afterAll(async () => {
  await Promise.all([fakePay?.close(), sandbox?.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

/** A cookie jar over route functions called directly. */
class Browser {
  cookie = "";
  keep(headers: Headers) {
    const set = headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
  }
  request(url: string, form?: Record<string, string>) {
    return new Request(new URL(url, ORIGIN), {
      method: form ? "POST" : "GET",
      headers: this.cookie ? { cookie: this.cookie } : {},
      ...(form ? { body: new URLSearchParams(form) } : {}),
    });
  }
}

/** What a route returned or threw: a Response, or `data()`'s value and headers. */
async function settle(run: () => Promise<unknown>): Promise<{ status: number; headers: Headers; data?: any }> {
  let result: any;
  try {
    result = await run();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, headers: result.headers };
  if (result?.type === "DataWithResponseInit")
    return { status: result.init?.status ?? 200, headers: new Headers(result.init?.headers), data: result.data };
  return { status: 200, headers: new Headers(), data: result };
}

it("takes a purchase end to end through a provider registered from its own folder", async () => {
  const cart = await import("~/routes/panier");
  const checkout = await import("~/routes/commande._index");
  const ret = await import("~/routes/paiement.$provider.retour");
  const browser = new Browser();
  const context = { cspNonce: "" };

  const buy = await settle(() =>
    cart.action({ request: browser.request("/panier", { intent: "buy-now", productId: GUIDE }), params: {}, context }),
  );
  expect(buy.status).toBe(303);
  browser.keep(buy.headers);

  const page = await settle(() =>
    checkout.loader({ request: browser.request(`/commande?produit=${GUIDE}`), params: {}, context }),
  );
  browser.keep(page.headers);
  // Orange Money in Cameroon exists only through the new provider's coverage.
  expect(page.data.offers.find((offer: { country: string }) => offer.country === "CM").operators).toEqual([
    "mtn",
    "orange-money",
  ]);

  const placed = await settle(() =>
    checkout.action({
      request: browser.request(`/commande?produit=${GUIDE}`, {
        checkoutId: page.data.checkoutId,
        name: "Awa Diallo",
        country: "CM",
        whatsapp: "690 12 34 56",
        email: "awa@example.com",
        operator: "orange-money",
      }),
      params: {},
      context,
    }),
  );
  expect(placed.status).toBe(303);
  const paymentPage = placed.headers.get("location")!;
  expect(paymentPage.startsWith(fakePay.url)).toBe(true);

  const returnUrl = await payOnHostedPage(paymentPage, "600000001");
  expect(returnUrl.startsWith(`${ORIGIN}/paiement/fakepay/retour?`)).toBe(true);
  const back = await settle(() =>
    ret.loader({ request: browser.request(returnUrl), params: { provider: "fakepay" }, context }),
  );
  expect(back.status).toBe(303);

  const order: Order = await orderFromLocation(lake, back.headers.get("location")!);
  expect(order).toMatchObject({
    status: "paid",
    paymentMethod: "fakepay",
    total: 5_000,
    customer: { whatsapp: "+237690123456" },
  });
  expect(order.payments).toEqual([
    expect.objectContaining({ provider: "fakepay", state: "paid", country: "CM", operator: "orange-money" }),
  ]);
  expect(order.paymentLog.at(-1)).toMatchObject({
    provider: "fakepay",
    state: "paid",
    rawStatus: "PAID",
    source: "return",
  });
});
