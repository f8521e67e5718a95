import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Order } from "~/modules/orders/orders.server";
import { control, lakeClient, orderFromLocation, payOnHostedPage, Shopper } from "./shopper";
import { startStack, type Stack } from "./stack";

/**
 * The shop for delivery tests (delivery.test.ts, downloads.test.ts): the built storefront, the lake,
 * the providers and the mail catcher, with the storefront's modules runnable in the test's process.
 */
export let stack: Stack;
export let lake: SanityClient;

/** Starts the shop for the calling test file, and resets the providers before each test. */
export function useDeliveryStack() {
  beforeAll(async () => {
    stack = await startStack({
      sandbox: {
        lateDelayMs: 1_500,
        callbackRetry: { initialDelayMs: 200, maxDelayMs: 400, maxDurationMs: 5_000, timeoutMs: 5_000 },
      },
      // The test plays the one proxy in front of the shop: it says who the client is in X-Forwarded-For.
      env: { RECONCILE_INTERVAL_SECONDS: "0", CONTENT_CACHE_TTL: "0", TRUST_PROXY: "1" },
    });
    lake = lakeClient(stack);
    // The storefront's modules, run in this process against the same sandbox.
    Object.assign(process.env, stack.sandbox.storefrontEnv(), { PUBLIC_URL: stack.baseUrl });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  beforeEach(async () => {
    await Promise.all([
      control(stack.sandbox.urls.lygos, "/reset", {}),
      control(stack.sandbox.urls.lengo, "/reset", {}),
    ]);
  });
}

export interface Caught {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export async function mailsTo(address: string): Promise<Caught[]> {
  const response = await fetch(`${stack.sandbox.urls.mail}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as Caught[];
}

export const codesOf = (order: Order) => order.fulfilment?.deliveries ?? [];
export const reload = async (order: Pick<Order, "_id">) => (await lake.getDocument<Order>(order._id))!;

export async function buyAndPay(productId: string, email: string, phone = "600000001") {
  const shopper = new Shopper(stack.baseUrl);
  const checkoutId = await shopper.openCheckout(productId);
  const response = await shopper.checkout(productId, checkoutId, { email });
  const back = await shopper.request(await payOnHostedPage(response.headers.get("location")!, phone));
  const orderUrl = back.headers.get("location")!;
  return { shopper, order: await orderFromLocation(lake, orderUrl), orderUrl };
}
