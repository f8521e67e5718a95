import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "~/modules/orders/order-document";
import { PaymentNotFound } from "~/modules/payments/errors";
import { LygosProvider } from "~/modules/payments/lygos/client.server";
import { control, lakeClient, payOnHostedPage, Shopper, waitFor } from "../support/shopper";
import { startStack, type Stack } from "../support/stack";

/** The reconciliation job inside the server: expiry of unpaid orders, and money taken honoured after it. */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains";

let stack: Stack;
let lake: SanityClient;

beforeAll(async () => {
  stack = await startStack({
    // Orders expire after 1.5 s and the job runs every second.
    env: { ORDER_EXPIRY_MINUTES: "0.025", RECONCILE_INTERVAL_SECONDS: "1" },
    sandbox: {
      lateDelayMs: 500,
      callbackRetry: { initialDelayMs: 200, maxDelayMs: 400, maxDurationMs: 3_000, timeoutMs: 3_000 },
    },
  });
  lake = lakeClient(stack);
});

afterAll(async () => {
  await stack?.stop();
});

async function placeOrder(paymentMethod: "lygos" | "lengo") {
  const shopper = new Shopper(stack.baseUrl);
  const checkoutId = await shopper.openCheckout(GUIDE);
  const paymentUrl = (await shopper.checkout(GUIDE, checkoutId, { paymentMethod })).headers.get("location")!;
  const order = await lake.fetch<Order>(`*[_type == "order" && checkoutId == $checkoutId][0]`, { checkoutId });
  return { paymentUrl, order };
}

const reload = async (order: Order) => (await lake.getDocument<Order>(order._id))!;

describe("reconciliation", () => {
  it("expires an unpaid Lygos order and deletes its payment link", async () => {
    const { order } = await placeOrder("lygos");
    const expired = await waitFor(
      () => reload(order),
      (current) => current.status === "expired",
    );
    expect(expired.paymentLog.at(-1)).toMatchObject({ source: "reconcile", state: "expired" });

    const lygos = new LygosProvider({
      baseUrl: `${stack.sandbox.urls.lygos}/v1`,
      apiKey: stack.sandbox.secrets.lygosApiKey,
      shopName: "ASHTECH STORE",
    });
    await expect(lygos.getGateway(expired.payments[0]!.gatewayId!)).rejects.toBeInstanceOf(PaymentNotFound);
  });

  it("expires a failed order nobody retried", async () => {
    const { order, paymentUrl } = await placeOrder("lygos");
    await payOnHostedPage(paymentUrl, "600000002");
    const expired = await waitFor(
      () => reload(order),
      (current) => current.status === "expired",
    );
    expect(expired.paymentLog.map((event) => event.state)).toEqual(["failed", "expired"]);
  });

  it("gives a buyer who comes back for the same product after expiry a new order, not the expired one", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const first = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lygos" });
    const expired = await lake.fetch<Order>(`*[_type == "order" && checkoutId == $checkoutId][0]`, { checkoutId });
    await waitFor(
      () => reload(expired),
      (current) => current.status === "expired",
    );

    // Same session, same cart content: the checkout page hands out the same checkout id.
    expect(await shopper.openCheckout(GUIDE)).toBe(checkoutId);
    const again = await shopper.checkout(GUIDE, checkoutId, {
      paymentMethod: "lygos",
      email: "awa.retour@example.com",
    });
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).not.toBe(first.headers.get("location"));
    const orders = await lake.fetch<Order[]>(
      `*[_type == "order" && checkoutId == $checkoutId] | order(_createdAt asc)`,
      { checkoutId },
    );
    expect(orders.map((order) => order.status)).toEqual(["expired", "pending"]);
    expect(orders[1]!.customer.email).toBe("awa.retour@example.com");
    // A second submit of that form finds the new order, not a third one.
    await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lygos" });
    expect(await lake.fetch<number>(`count(*[_type == "order" && checkoutId == $checkoutId])`, { checkoutId })).toBe(2);
  });

  it("honours a Lygos payment confirmed after the order expired", async () => {
    const { order } = await placeOrder("lygos");
    await waitFor(
      () => reload(order),
      (current) => current.status === "expired",
    );
    // The payer had validated on their phone just before the link was deleted.
    await control(stack.sandbox.urls.lygos, `/payments/${order.number}/complete`, { outcome: "success" });
    const paid = await waitFor(
      () => reload(order),
      (current) => current.status === "paid",
    );
    expect(paid.paymentLog.map((event) => event.state)).toEqual(["expired", "paid"]);
    expect(paid.paymentLog.at(-1)!.note).toMatch(/honoured/);
  });

  it("honours a Lengo callback for an expired order", async () => {
    const { order, paymentUrl } = await placeOrder("lengo");
    await waitFor(
      () => reload(order),
      (current) => current.status === "expired",
    );
    await payOnHostedPage(paymentUrl, "600000001");
    const paid = await waitFor(
      () => reload(order),
      (current) => current.status === "paid",
    );
    expect(paid.paymentLog.at(-1)).toMatchObject({ state: "paid", amount: 5_000 });
  });

  it("never moves a paid order back", async () => {
    const { order, paymentUrl } = await placeOrder("lygos");
    await payOnHostedPage(paymentUrl, "600000001");
    // Delivered and its receipt sent: from then on nothing may write to it.
    const paid = await waitFor(
      () => reload(order),
      (current) => current.status === "paid" && Boolean(current.fulfilment?.receiptSentAt),
    );
    // Runs of the job, here in the test, an hour past the expiry limit: the order is not even read.
    Object.assign(process.env, stack.sandbox.storefrontEnv(), {
      ORDER_EXPIRY_MINUTES: "0.025",
      RECONCILE_INTERVAL_SECONDS: "0",
    });
    const { reconcileOrders } = await import("~/modules/payments/reconcile.server");
    const anHourLater = new Date(Date.now() + 60 * 60_000);
    await reconcileOrders(anHourLater);
    expect((await reload(order))._rev).toBe(paid._rev);
    // Even made due by hand, it is looked at and left paid.
    await lake.patch(order._id).set({ reconcileAt: new Date().toISOString() }).commit();
    await reconcileOrders(anHourLater);
    const later = await reload(order);
    expect(later.status).toBe("paid");
    expect(later.reconcileAt).toBeUndefined();
    expect(later.paymentLog).toEqual(paid.paymentLog);
  });
});
