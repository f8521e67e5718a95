import type { SanityClient } from "@sanity/client";
import type { Order } from "~/modules/orders/orders.server";
import { control, lakeClient } from "./shopper";
import { startStack, type Stack } from "./stack";

/**
 * The shop with both provider sandboxes for checkout and payment tests: the in-server reconciler
 * off (every confirmation is one the test triggers), Lengo's callbacks retried within seconds, and
 * late payments settling after `lateDelayMs`.
 */
export interface PaymentStack {
  stack: Stack;
  lake: SanityClient;
  lygos: string;
  lengo: string;
}

export async function startPaymentStack({ lateDelayMs }: { lateDelayMs: number }): Promise<PaymentStack> {
  const stack = await startStack({
    sandbox: {
      lateDelayMs,
      callbackRetry: { initialDelayMs: 200, maxDelayMs: 400, maxDurationMs: 5_000, timeoutMs: 5_000 },
    },
    env: { RECONCILE_INTERVAL_SECONDS: "0" },
  });
  return { stack, lake: lakeClient(stack), lygos: stack.sandbox.urls.lygos, lengo: stack.sandbox.urls.lengo };
}

/** Faults off and request logs cleared at both providers, between tests. */
export async function resetProviders({ lygos, lengo }: Pick<PaymentStack, "lygos" | "lengo">): Promise<void> {
  await Promise.all([control(lygos, "/reset", {}), control(lengo, "/reset", {})]);
}

/** The order a checkout wrote, read back from the lake. */
export function orderOfCheckout(lake: SanityClient, checkoutId: string): Promise<Order | null> {
  return lake.fetch<Order | null>(`*[_type == "order" && checkoutId == $checkoutId][0]`, { checkoutId });
}
