import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Order, PaymentAttempt } from "~/modules/orders/order-document";
import { LygosProvider } from "~/modules/payments/lygos/client.server";
import { control, orderFromLocation, payOnHostedPage, Shopper, waitFor } from "../support/shopper";
import { orderOfCheckout, resetProviders, startPaymentStack } from "../support/payment-stack";
import type { Stack } from "../support/stack";

/**
 * One payment at a time per order (issue 10 item 5, decision 011), over real HTTP against both
 * provider sandboxes. The in-server reconciler is off: every confirmation here is one the test
 * triggers, so that nothing but the guard can stop a second payment.
 */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains"; // 5 000 F CFA

let stack: Stack;
let lake: SanityClient;
let lygos: string;
let lengo: string;

beforeAll(async () => {
  ({ stack, lake, lygos, lengo } = await startPaymentStack({ lateDelayMs: 1_000 }));
  // The reconciler runs in this process against the same sandbox.
  Object.assign(process.env, stack.sandbox.storefrontEnv(), {
    PUBLIC_URL: stack.baseUrl,
    RECONCILE_INTERVAL_SECONDS: "0",
  });
});

afterAll(async () => {
  await stack?.stop();
});

beforeEach(() => resetProviders({ lygos, lengo }));

const reload = async (order: Pick<Order, "_id">) => (await lake.getDocument<Order>(order._id))!;

/** Every payment the Lengo sandbox holds for this order (its return URL names the order). */
async function lengoPaymentsFor(number: string) {
  const payments = (await control(lengo, "/payments")) as { returnUrl?: string; return_url?: string; payId?: string }[];
  return payments.filter((payment) => JSON.stringify(payment).includes(number));
}

async function startOnLygos() {
  const shopper = new Shopper(stack.baseUrl);
  const checkoutId = await shopper.openCheckout(GUIDE);
  const first = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lygos" });
  expect(first.status).toBe(303);
  const lygosPage = first.headers.get("location")!;
  expect(lygosPage.startsWith(lygos)).toBe(true);
  const order = (await orderOfCheckout(lake, checkoutId))!;
  return { shopper, checkoutId, lygosPage, order };
}

describe("one payment at a time", () => {
  it("opens no Lengo payment when the buyer paid on Lygos, lost the return and submits again choosing Lengo", async () => {
    const { shopper, checkoutId, lygosPage, order } = await startOnLygos();
    await payOnHostedPage(lygosPage, "600000001"); // paid; the redirect back to the shop is lost

    const again = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lengo" });
    expect(again.status).toBe(303);
    const location = again.headers.get("location")!;
    expect(location).toContain(`/commande/${order.number}?t=`);
    expect(await lengoPaymentsFor(order.number)).toEqual([]);

    const page = await shopper.request(location);
    expect(await page.text()).toContain('data-status="paid"');
    const paid = await reload(order);
    expect(paid.status).toBe("paid");
    expect(paid.payments.map((attempt) => [attempt.provider, attempt.state])).toEqual([["lygos", "paid"]]);
  });

  it("sends a buyer whose Lygos page is still open back to it instead of opening a Lengo payment", async () => {
    const { shopper, checkoutId, lygosPage, order } = await startOnLygos();

    const again = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lengo" });
    expect(again.status).toBe(303);
    const location = again.headers.get("location")!;
    expect(location).toContain(`/commande/${order.number}?t=`);
    expect(await lengoPaymentsFor(order.number)).toEqual([]);
    const html = await (await shopper.request(location)).text();
    expect(html).toContain('data-status="pending"');
    expect(html).toContain("Reprendre le paiement Lygos Pay");
    expect(html).toContain(`href="${lygosPage}"`);

    // The same provider again resumes the open page rather than making a second one.
    const sameProvider = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lygos" });
    expect(sameProvider.headers.get("location")).toBe(lygosPage);
    expect((await reload(order)).payments).toHaveLength(1);
  });

  it("lets a refused payment be followed by another provider, and closes the refused page first", async () => {
    const { shopper, checkoutId, lygosPage, order } = await startOnLygos();
    await shopper.request(await payOnHostedPage(lygosPage, "600000002"));
    expect((await reload(order)).status).toBe("failed");

    const again = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lengo" });
    expect(again.status).toBe(303);
    expect(again.headers.get("location")!.startsWith(lengo)).toBe(true);
    const current = await reload(order);
    expect(current.payments.map((attempt) => [attempt.provider, attempt.state])).toEqual([
      ["lygos", "failed"],
      ["lengo", "pending"],
    ]);
    // The refused Lygos page could have been paid on a second try: it is deleted.
    expect(current.payments[0]!.closedAt).toBeTruthy();
    expect((await fetch(lygosPage)).status).toBe(404);
  });

  it("keeps an order paid twice paid, and records the second payment for a refund", async () => {
    // An order as the shop before this fix left ASH-6U5E9T: a Lengo and a Lygos payment both open.
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const lengoPage = (await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lengo" })).headers.get("location")!;
    const order = await orderFromLocation(
      lake,
      `/commande/${await lake.fetch<string>(`*[checkoutId == $checkoutId][0].number`, { checkoutId })}`,
    );
    const client = new LygosProvider({
      baseUrl: `${lygos}/v1`,
      apiKey: stack.sandbox.secrets.lygosApiKey,
      shopName: "ASHTECH STORE",
      currency: "XAF",
    });
    const reference = `${order.number}-2`;
    const back = `${stack.baseUrl}/paiement/lygos/retour?commande=${order.number}&t=${encodeURIComponent(order.accessToken)}`;
    const created = await client.createPayment({
      order: { reference, amount: 5_000, currency: "XAF" },
      returnUrls: { success: back },
    });
    const lygosAttempt: PaymentAttempt = {
      _key: "oldlygos2",
      provider: "lygos",
      reference,
      amount: 5_000,
      currency: "XAF",
      state: "pending",
      redirectUrl: created.redirectUrl,
      gatewayId: created.gatewayId!,
      createdAt: new Date().toISOString(),
    };
    await lake.patch(order._id).append("payments", [lygosAttempt]).commit();

    // Both captured: Lengo confirms by its callback; once paid, the shop deletes the Lygos link,
    // but the payer had already validated it on their phone (payins outlive their gateway).
    await payOnHostedPage(lengoPage, "600000001");
    const paid = await waitFor(
      () => reload(order),
      (current) => current.status === "paid",
    );
    expect((await fetch(created.redirectUrl)).status).toBe(404);
    await control(lygos, `/payments/${reference}/complete`, { outcome: "success" });

    const { reconcileOrders } = await import("~/modules/payments/reconcile.server");
    await reconcileOrders();
    const flagged = await reload(order);
    expect(flagged.status).toBe("paid");
    expect(flagged.paidAt).toBe(paid.paidAt);
    expect(flagged.payments.map((attempt) => [attempt.provider, attempt.state])).toEqual([
      ["lengo", "paid"],
      ["lygos", "paid"],
    ]);
    expect(flagged.duplicatePayments).toEqual([
      expect.objectContaining({
        attemptKey: "oldlygos2",
        provider: "lygos",
        reference,
        amount: 5_000,
        currency: "XAF",
        refundStatus: "to_refund",
      }),
    ]);
    expect(flagged.paymentLog.map((event) => event.state)).toEqual(["paid", "duplicate"]);

    // Seen once: another pass records nothing more.
    await reconcileOrders();
    const later = await reload(order);
    expect(later.duplicatePayments).toHaveLength(1);
    expect(later.paymentLog).toHaveLength(2);
  });
});
