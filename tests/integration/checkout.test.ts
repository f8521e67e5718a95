import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Order } from "~/modules/orders/order-document";
import { control, orderFromLocation, payOnHostedPage, Shopper, waitFor } from "../support/shopper";
import { orderOfCheckout, resetProviders, startPaymentStack } from "../support/payment-stack";
import type { Stack } from "../support/stack";

/**
 * Checkout and payment confirmation over real HTTP: the built storefront, the content lake and
 * both provider sandboxes, driven as a no-JavaScript phone would drive them.
 */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains"; // 5 000 F CFA
const PROMO = "product-formation-complete-facebook-ads-2026"; // 15 000, promo 11 900 until 2027-06-30
const EXPIRED_PROMO = "product-formation-tiktok-business"; // 6 500, promo ended 2026-10-31
const FREE = "product-kit-de-demarrage-ia-gratuit";

let stack: Stack;
let lake: SanityClient;
let lygos: string;
let lengo: string;

beforeAll(async () => {
  ({ stack, lake, lygos, lengo } = await startPaymentStack({ lateDelayMs: 1_500 }));
});

afterAll(async () => {
  await stack?.stop();
});

beforeEach(() => resetProviders({ lygos, lengo }));

const orderOf = (location: string) => orderFromLocation(lake, location);
const reload = async (order: Order) => (await lake.getDocument<Order>(order._id))!;

async function placeLengoOrder(shopper = new Shopper(stack.baseUrl), productId = GUIDE) {
  const checkoutId = await shopper.openCheckout(productId);
  const response = await shopper.checkout(productId, checkoutId, { paymentMethod: "lengo" });
  expect(response.status).toBe(303);
  const paymentUrl = response.headers.get("location")!;
  const order = await waitFor(
    () => orderOfCheckout(lake, checkoutId),
    (found) => Boolean(found?.payments?.[0]?.reference),
  );
  return { shopper, paymentUrl, order: order! };
}

function callbackUrl(order: Order, token = order.callbackToken) {
  return `${stack.baseUrl}/api/paiement/lengo?commande=${order.number}&jeton=${encodeURIComponent(token)}`;
}

function postCallback(url: string, body: unknown) {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

describe("checkout", () => {
  it("charges the price from the content lake, whatever the form says", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(PROMO);
    const response = await shopper.checkout(PROMO, checkoutId, { price: "1", total: "1", amount: "1", unitPrice: "1" });
    expect(response.status).toBe(303);
    const order = (await orderOfCheckout(lake, checkoutId))!;
    expect(order.total).toBe(11_900);
    expect(order.lines[0]).toMatchObject({ listPrice: 15_000, unitPrice: 11_900, quantity: 1 });
    expect(order.status).toBe("pending");
    expect(order.payments[0]).toMatchObject({ provider: "lygos", amount: 11_900, currency: "XAF", state: "pending" });
  });

  it("charges the list price once a promo has ended", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(EXPIRED_PROMO);
    await shopper.checkout(EXPIRED_PROMO, checkoutId);
    const order = (await orderOfCheckout(lake, checkoutId))!;
    expect(order.total).toBe(6_500);
  });

  it("answers bad input with French messages and writes no order", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const response = await shopper.checkout(GUIDE, checkoutId, {
      name: "",
      whatsapp: "690000",
      email: "awa@",
      paymentMethod: "lygos",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Indiquez votre nom complet.");
    // The expected form for the chosen country, local and international.
    expect(html).toContain("6 71 23 45 67 ou +237 6 71 23 45 67");
    expect(html).toContain("Indiquez une adresse e-mail valide");
    expect(await lake.fetch(`count(*[checkoutId == $checkoutId])`, { checkoutId })).toBe(0);
  });

  it("makes one order and one payment from a double submit", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const responses = await Promise.all(Array.from({ length: 5 }, () => shopper.checkout(GUIDE, checkoutId)));
    const locations = new Set(responses.map((response) => response.headers.get("location")));
    expect(responses.map((response) => response.status)).toEqual([303, 303, 303, 303, 303]);
    expect(locations.size).toBe(1);
    const orders = await lake.fetch<Order[]>(`*[_type == "order" && checkoutId == $checkoutId]`, { checkoutId });
    expect(orders).toHaveLength(1);
    expect(orders[0]!.payments).toHaveLength(1);
    const requests = (await control(lygos, "/requests")) as { method: string; path: string }[];
    expect(requests.filter((request) => request.method === "POST" && request.path.endsWith("/gateway"))).toHaveLength(
      1,
    );
  });

  it("completes a free product without any provider", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(FREE);
    const response = await shopper.checkout(FREE, checkoutId, { paymentMethod: "" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/\/commande\/ASH-[2-9A-Z]{6}\?t=/);
    const order = await orderOf(response.headers.get("location")!);
    expect(order).toMatchObject({ status: "paid", total: 0, paymentMethod: "free", payments: [] });
    expect(order.paymentLog).toHaveLength(1);
    const requests = (await control(lygos, "/requests")) as unknown[];
    expect(requests).toHaveLength(0);
  });
});

describe("pending, refused, cancelled", () => {
  it("guides a pending payment, refuses another operator while it may still be paid, then pays with another on the same order", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const paymentUrl = (await shopper.checkout(GUIDE, checkoutId, { country: "CM", operator: "mtn" })).headers.get(
      "location",
    )!;
    // Stays pending, then the provider lets it expire (lateDelayMs).
    const orderPage = (await shopper.request(await payOnHostedPage(paymentUrl, "600000005"))).headers.get("location")!;
    const path = new URL(orderPage).pathname + new URL(orderPage).search;
    const pending = await (await shopper.request(path)).text();
    expect(pending).toContain('data-status="pending"');
    expect(pending).toContain("Validez le paiement sur votre téléphone");
    expect(pending).toMatch(/Il vous reste \d+ min pour valider/);
    expect(pending).toContain("MTN Mobile Money vous envoie une demande de paiement");
    expect(pending).toMatch(/wa\.me\/\d+\?text=[^"]*ASH-[2-9A-Z]{6}/);

    // Known unpaid? Not yet: no second payment while the first may still be approved.
    const tooEarly = await shopper.post(path, { intent: "other-operator", country: "GN", operator: "orange-money" });
    expect(tooEarly.status).toBe(400);
    expect(await tooEarly.text()).toContain("attend encore votre validation");
    const order = await orderOf(orderPage);
    expect(order.payments).toHaveLength(1);

    // Once the provider says it expired, another operator (another provider here) takes the same order.
    const other = await waitFor(
      () => shopper.post(path, { intent: "other-operator", country: "GN", operator: "orange-money" }),
      (response) => response.status === 303,
    );
    const lengoPage = other.headers.get("location")!;
    expect(lengoPage.startsWith(lengo)).toBe(true);
    await shopper.request(await payOnHostedPage(lengoPage, "600000001"));
    const paid = await waitFor(
      () => reload(order),
      (current) => current.status === "paid",
    );
    expect(paid.payments.map((attempt) => [attempt.provider, attempt.operator, attempt.state])).toEqual([
      ["lygos", "mtn", "failed"],
      ["lengo", "orange-money", "paid"],
    ]);
  });

  it("tells a cancelled payment from a refused one", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const paymentUrl = (await shopper.checkout(GUIDE, checkoutId)).headers.get("location")!;
    const orderPage = (await shopper.request(await payOnHostedPage(paymentUrl, "600000001", "cancel"))).headers.get(
      "location",
    )!;
    const html = await (await shopper.request(orderPage)).text();
    expect(html).toContain('data-outcome="cancelled"');
    expect(html).toContain("annulé avant validation");
  });
});

describe("Lygos", () => {
  it("is paid only after the server asks Lygos, and the return shows it", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const paymentUrl = (await shopper.checkout(GUIDE, checkoutId)).headers.get("location")!;

    // A shopper who skips the payment page and opens the return URL gets nothing.
    const order = (await orderOfCheckout(lake, checkoutId))!;
    const early = await shopper.request(`/paiement/lygos/retour?commande=${order.number}&t=${order.accessToken}`);
    expect(early.status).toBe(303);
    expect((await reload(order)).status).toBe("pending");

    const returnUrl = await payOnHostedPage(paymentUrl, "600000001");
    const back = await shopper.request(returnUrl);
    expect(back.status).toBe(303);
    const page = await shopper.request(back.headers.get("location")!);
    expect(await page.text()).toContain('data-status="paid"');
    const paid = await reload(order);
    expect(paid.status).toBe("paid");
    expect(paid.paymentLog.filter((event) => event.state === "paid")).toHaveLength(1);
    expect(paid.paymentLog.at(-1)).toMatchObject({
      source: "return",
      provider: "lygos",
      rawStatus: "success",
      amount: 5_000,
    });
  });

  it("records a refusal, then lets the buyer retry and pay", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const paymentUrl = (await shopper.checkout(GUIDE, checkoutId)).headers.get("location")!;
    const failureReturn = await payOnHostedPage(paymentUrl, "600000002");
    const orderPage = (await shopper.request(failureReturn)).headers.get("location")!;
    const failed = await orderOf(orderPage);
    expect(failed.status).toBe("failed");
    const failedPage = await (await shopper.request(orderPage)).text();
    expect(failedPage).toContain('data-outcome="refused"');
    expect(failedPage).toContain("Réessayer avec MTN Mobile Money");
    expect(failedPage).toContain("Payer avec un autre opérateur");

    const retry = await shopper.post(new URL(orderPage).pathname + new URL(orderPage).search, { intent: "retry" });
    expect(retry.status).toBe(303);
    const secondPage = retry.headers.get("location")!;
    expect(secondPage).not.toBe(paymentUrl);
    await shopper.request(await payOnHostedPage(secondPage, "600000001"));
    const paid = await reload(failed);
    expect(paid.status).toBe("paid");
    expect(paid.payments.map((attempt) => [attempt.reference, attempt.state])).toEqual([
      [paid.number, "failed"],
      [`${paid.number}-2`, "paid"],
    ]);
  });

  it("sends the same order to Lengo when Lygos cannot create the payment, both attempts in its log", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    await control(lygos, "/faults", { status5xx: 503, path: "/gateway" });
    // MTN in Cameroon: Lygos preferred, Lengo serves it too in the demo routing table.
    const response = await shopper.checkout(GUIDE, checkoutId, { country: "CM", operator: "mtn" });
    expect(response.status).toBe(303);
    const paymentUrl = response.headers.get("location")!;
    expect(paymentUrl.startsWith(lengo)).toBe(true);
    const orders = await lake.fetch<Order[]>(`*[_type == "order" && checkoutId == $checkoutId]`, { checkoutId });
    expect(orders).toHaveLength(1);
    expect(orders[0]!.payments.map((attempt) => [attempt.provider, attempt.state, attempt.operator])).toEqual([
      ["lygos", "error", "mtn"],
      ["lengo", "pending", "mtn"],
    ]);
    expect(orders[0]!.paymentLog).toEqual([expect.objectContaining({ provider: "lygos", state: "error" })]);

    const back = await shopper.request(await payOnHostedPage(paymentUrl, "600000001"));
    expect(back.status).toBe(303);
    const paid = await waitFor(
      () => reload(orders[0]!),
      (order) => order.status === "paid",
    );
    expect(paid.payments.map((attempt) => attempt.state)).toEqual(["error", "paid"]);
    expect(paid.paymentLog.map((event) => [event.provider, event.state])).toEqual([
      ["lygos", "error"],
      ["lengo", "paid"],
    ]);
    // Lygos was asked once, and never created a payable link for this order.
    const requests = (await control(lygos, "/requests")) as { method: string; path: string; status: number }[];
    expect(requests.filter((request) => request.method === "POST")).toEqual([expect.objectContaining({ status: 503 })]);
  });

  it("leaves the order pending and the shopper informed when every provider of the wallet is down", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    await control(lygos, "/faults", { status5xx: 503, path: "/gateway" });
    await control(lengo, "/faults", { status5xx: 502, path: "/payments" });
    const refused = await shopper.checkout(GUIDE, checkoutId);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    // The error summary's message, inside its alert (possibly in a paragraph of its own).
    expect(html).toMatch(/role="alert"[^>]*>(?:<[^>]+>)*[^<]*(indisponible|réessayer|Réessayez)/i);
    expect(html).not.toMatch(/503|nginx|Bad Gateway/);
    const order = (await orderOfCheckout(lake, checkoutId))!;
    expect(order.status).toBe("pending");
    expect(order.payments.map((attempt) => [attempt.provider, attempt.state])).toEqual([
      ["lygos", "error"],
      ["lengo", "error"],
    ]);

    await Promise.all([control(lygos, "/reset", {}), control(lengo, "/reset", {})]);
    const again = await shopper.checkout(GUIDE, checkoutId);
    expect(again.status).toBe(303);
    const paymentUrl = again.headers.get("location")!;

    // Down while confirming: the return cannot ask, so nothing changes and the page says pending.
    await control(lygos, "/faults", { status5xx: 502, path: "/payin" });
    const back = await shopper.request(await payOnHostedPage(paymentUrl, "600000001"));
    const pending = await shopper.request(back.headers.get("location")!);
    expect(await pending.text()).toContain('data-status="pending"');
    expect((await reload(order)).status).toBe("pending");

    await control(lygos, "/reset", {});
    // Back up: the page, viewed again, asks once more (it asks at most every few seconds) and says paid.
    await waitFor(
      async () => (await shopper.request(back.headers.get("location")!)).text(),
      (html) => html.includes('data-status="paid"'),
    );
    expect((await reload(order)).paymentLog.at(-1)).toMatchObject({ source: "order-page", state: "paid" });
  });
});

describe("Lengo", () => {
  it("is confirmed by its callback, checked with Lengo", async () => {
    const { paymentUrl, order } = await placeLengoOrder();
    await payOnHostedPage(paymentUrl, "600000001");
    const paid = await waitFor(
      () => reload(order),
      (current) => current.status === "paid",
    );
    expect(paid.paymentLog.filter((event) => event.state === "paid")).toEqual([
      expect.objectContaining({ source: "callback", provider: "lengo", rawStatus: "SUCCESS", amount: 5_000 }),
    ]);
  });

  it("ignores forged callbacks: wrong token, unknown pay_id, wrong amount, or SUCCESS that Lengo denies", async () => {
    const { paymentUrl, order } = await placeLengoOrder();
    const payId = order.payments[0]!.reference;
    const success = {
      pay_id: payId,
      status: "SUCCESS",
      amount: 5_000,
      message: "Transaction Successful",
      Client: "600000001",
    };

    expect((await postCallback(callbackUrl(order, "x".repeat(32)), success)).status).toBe(404);
    expect((await postCallback(callbackUrl(order), { ...success, pay_id: "Zm9yZ2Vk" })).status).toBe(400);
    expect((await postCallback(callbackUrl(order), { ...success, amount: 50 })).status).toBe(400);
    expect((await postCallback(callbackUrl(order), "not json")).status).toBe(400);
    // Well-formed and authenticated, but Lengo says the payment is only initiated.
    expect((await postCallback(callbackUrl(order), success)).status).toBe(200);
    let current = await reload(order);
    expect(current.status).toBe("pending");
    expect(current.paymentLog).toHaveLength(0);

    // The payer is refused; a forged SUCCESS afterwards still cannot make it paid.
    await payOnHostedPage(paymentUrl, "600000002");
    current = await waitFor(
      () => reload(order),
      (o) => o.status === "failed",
    );
    expect((await postCallback(callbackUrl(order), success)).status).toBe(200);
    current = await reload(order);
    expect(current.status).toBe("failed");
    expect(current.paymentLog.map((event) => event.state)).toEqual(["failed"]);
  });

  it("makes one transition and one log entry from ten identical callbacks at once", async () => {
    await control(lengo, "/faults", { duplicateCallbacks: 10 });
    const { paymentUrl, order } = await placeLengoOrder();
    await payOnHostedPage(paymentUrl, "600000001");
    await waitFor(
      () =>
        control(lengo, `/callbacks?pay_id=${encodeURIComponent(order.payments[0]!.reference)}`) as Promise<
          { state: string }[]
        >,
      (callbacks) => callbacks.length >= 10 && callbacks.every((callback) => callback.state === "delivered"),
    );
    // And ten more sent by hand, concurrently.
    const payload = {
      pay_id: order.payments[0]!.reference,
      status: "SUCCESS",
      amount: 5_000,
      message: "ok",
      client: "600000001",
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => postCallback(callbackUrl(order), payload)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const paid = await reload(order);
    expect(paid.status).toBe("paid");
    expect(paid.paymentLog).toHaveLength(1);
  });

  it("ends paid when the callback comes before the return", async () => {
    const { shopper, paymentUrl, order } = await placeLengoOrder();
    const returnUrl = await payOnHostedPage(paymentUrl, "600000001");
    await waitFor(
      () => reload(order),
      (current) => current.status === "paid",
    );
    const back = await shopper.request(returnUrl);
    expect(await (await shopper.request(back.headers.get("location")!)).text()).toContain('data-status="paid"');
    expect((await reload(order)).paymentLog).toHaveLength(1);
  });

  it("ends paid when the return comes before the callback", async () => {
    const { shopper, paymentUrl, order } = await placeLengoOrder();
    const returnUrl = await payOnHostedPage(paymentUrl, "600000004"); // paid 1.5 s after the return
    const back = await shopper.request(returnUrl);
    expect(await (await shopper.request(back.headers.get("location")!)).text()).toContain('data-status="pending"');
    const paid = await waitFor(
      () => reload(order),
      (current) => current.status === "paid",
    );
    expect(paid.paymentLog).toEqual([expect.objectContaining({ source: "callback", state: "paid" })]);
  });

  it("has Lengo retry a callback the store could not confirm", async () => {
    const { paymentUrl, order } = await placeLengoOrder();
    // Lengo's status endpoint fails for the store's three tries: the store answers 503 and Lengo delivers again later.
    await control(lengo, "/faults", { status5xx: 503, path: "/transaction/status", times: 3 });
    await payOnHostedPage(paymentUrl, "600000001");
    await waitFor(
      () => reload(order),
      (current) => current.status === "paid",
    );
    // The order is durably paid before the store answers: wait for Lengo to record that answer.
    const callbacks = await waitFor(
      () =>
        control(lengo, `/callbacks?pay_id=${encodeURIComponent(order.payments[0]!.reference)}`) as Promise<
          { state: string; attempts: { responseStatus: number | null }[] }[]
        >,
      (sent) => sent[0]?.state === "delivered",
    );
    expect(callbacks[0]!.attempts.map((attempt) => attempt.responseStatus)).toContain(503);
    expect(callbacks[0]!.attempts.at(-1)!.responseStatus).toBe(200);
  });
});
