import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "~/modules/orders/order-document";
import { lakeClient, payOnHostedPage, Shopper, waitFor } from "../support/shopper";
import { startStack, type Stack } from "../support/stack";

/**
 * What a process killed mid-way leaves behind, written straight into the lake, and how soon the
 * shop gets past it (issue 10 item 7, decisions 011 and 012).
 */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains"; // 5 000 F CFA

let stack: Stack;
let lake: SanityClient;

beforeAll(async () => {
  stack = await startStack({ env: { RECONCILE_INTERVAL_SECONDS: "0" } });
  lake = lakeClient(stack);
  Object.assign(process.env, stack.sandbox.storefrontEnv(), {
    PUBLIC_URL: stack.baseUrl,
    RECONCILE_INTERVAL_SECONDS: "0",
  });
});

afterAll(async () => {
  await stack?.stop();
});

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const reload = async (order: Pick<Order, "_id">) => (await lake.getDocument<Order>(order._id))!;

async function mailsTo(address: string): Promise<unknown[]> {
  return (await (
    await fetch(`${stack.sandbox.urls.mail}/api/messages?to=${encodeURIComponent(address)}`)
  ).json()) as unknown[];
}

describe("a receipt claim left by a crash", () => {
  it("is taken over once its lease has passed, and not before", async () => {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    const email = `crash-${checkoutId.slice(0, 8).toLowerCase()}@example.com`;
    const paymentUrl = (await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lygos", email })).headers.get(
      "location",
    )!;
    await shopper.request(await payOnHostedPage(paymentUrl, "600000001"));
    const order = await waitFor(
      () => lake.fetch<Order>(`*[_type == "order" && checkoutId == $checkoutId][0]`, { checkoutId }),
      (found) => Boolean(found?.fulfilment?.receiptSentAt),
    );
    const { receiptSentAt: _sent, ...fulfilment } = order.fulfilment!;
    const { retryFulfilments } = await import("~/modules/delivery/delivery.server");

    // Killed 10 s after claiming, before sending: its claim still holds, nobody sends.
    await lake
      .patch(order._id)
      .set({ fulfilment: { ...fulfilment, receiptClaimedAt: ago(10_000), receiptClaimedBy: "dead-host:4242:abcdef" } })
      .commit();
    await retryFulfilments();
    expect((await reload(order)).fulfilment?.receiptSentAt).toBeUndefined();
    expect(await mailsTo(email)).toHaveLength(1);

    // Killed 50 s ago: the lease has passed, the next retry sends the receipt.
    await lake
      .patch(order._id)
      .set({ "fulfilment.receiptClaimedAt": ago(50_000) })
      .commit();
    await retryFulfilments();
    const recovered = await reload(order);
    expect(recovered.fulfilment?.receiptSentAt).toBeTruthy();
    expect(recovered.fulfilment?.receiptClaimedBy).toBeUndefined();
    expect(await mailsTo(email)).toHaveLength(2);
  });
});

describe("a checkout killed while creating its payment", () => {
  async function crashedCheckout(provider: "lygos" | "lengo", secondsAgo: number) {
    const shopper = new Shopper(stack.baseUrl);
    const checkoutId = await shopper.openCheckout(GUIDE);
    // The order and the claim are written; the process dies before the provider answers.
    const first = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: provider });
    const order = (await lake.fetch<Order>(`*[_type == "order" && checkoutId == $checkoutId][0]`, { checkoutId }))!;
    const claim = order.payments[0]!;
    await lake
      .patch(order._id)
      .set({
        payments: [
          {
            ...claim,
            state: "creating",
            redirectUrl: undefined,
            gatewayId: undefined,
            reference: provider === "lygos" ? claim.reference : "",
            createdAt: ago(secondsAgo * 1000),
          },
        ],
      })
      .commit();
    return { shopper, checkoutId, order, firstPage: first.headers.get("location")! };
  }

  it("lets the buyer pay at once after a stale Lygos claim: Lygos is asked, its link deleted", async () => {
    const { shopper, checkoutId, order, firstPage } = await crashedCheckout("lygos", 20);
    const again = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lygos" });
    expect(again.status).toBe(303);
    const page = again.headers.get("location")!;
    expect(page.startsWith(stack.sandbox.urls.lygos)).toBe(true);
    expect(page).not.toBe(firstPage);
    const current = await reload(order);
    expect(current.payments.map((attempt) => attempt.state)).toEqual(["error", "pending"]);
    // The gateway the dead process had created was never shown: it is gone.
    expect((await fetch(firstPage)).status).toBe(404);
  });

  it("lets the buyer pay at once after a stale Lengo claim, whose pay_id nobody knows", async () => {
    const { shopper, checkoutId, order } = await crashedCheckout("lengo", 20);
    const again = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lengo" });
    expect(again.status).toBe(303);
    expect(again.headers.get("location")!.startsWith(stack.sandbox.urls.lengo)).toBe(true);
    expect((await reload(order)).payments.map((attempt) => attempt.state)).toEqual(["error", "pending"]);
  });

  it("waits for a live claim rather than making a second payment", { timeout: 60_000 }, async () => {
    const { shopper, checkoutId, order } = await crashedCheckout("lygos", 0);
    const again = await shopper.checkout(GUIDE, checkoutId, { paymentMethod: "lygos" });
    // The claim holds for its whole lease, then is cut: the buyer gets a payment page, not an error.
    expect(again.status).toBe(303);
    expect(again.headers.get("location")!.startsWith(stack.sandbox.urls.lygos)).toBe(true);
    expect((await reload(order)).payments.map((attempt) => attempt.state)).toEqual(["error", "pending"]);
  });
});
