import { defineQuery } from "groq";
import { sweepAfterSale } from "./aftersale.server";
import { retryFulfilments } from "./delivery.server";
import { retryDiscountUses, settleDiscountUse } from "./discounts.server";
import { getEnv } from "./env.server";
import { INSTANCE_ID, lakeLease } from "./lease.server";
import { expiryDue } from "./order-state.server";
import { expireOrder, fetchOrders, type Order } from "./orders.server";
import { getProvider } from "./payments/registry.server";
import { confirmPayments, expiryCutoff } from "./payments.server";

/**
 * Re-checks unsettled orders with their provider: pending and failed ones (expired once idle past
 * the time limit, their payment links cancelled where the provider allows it) and recently expired
 * ones, because a payment confirmed after expiry is still honoured.
 */
const LATE_PAYMENT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const ORDERS_TO_RECONCILE_QUERY = defineQuery(`*[_type == "order" && (
  status in ["pending", "failed"] || (status == "expired" && _updatedAt > $lateSince)
)] | order(_createdAt asc)[0...200]`);

export interface ReconcileSummary {
  checked: number;
  paid: number;
  failed: number;
  expired: number;
  /** Paid orders whose delivery or receipt completed on this run. */
  fulfilled: number;
  /** Refunds whose codes or e-mail were still to do. */
  refunds: number;
}

async function cancelOpenPayments(order: Order) {
  for (const attempt of order.payments ?? []) {
    if (attempt.state !== "pending" || !attempt.reference) continue;
    try {
      await getProvider(attempt.provider)?.cancel?.(attempt);
    } catch (error) {
      console.warn(`could not cancel ${attempt.provider} payment of ${order.number}: ${(error as Error).message}`);
    }
  }
}

export async function reconcileOrders(now = new Date()): Promise<ReconcileSummary> {
  const expiryMinutes = getEnv().ORDER_EXPIRY_MINUTES;
  const cutoff = expiryCutoff(now);
  const orders = await fetchOrders(ORDERS_TO_RECONCILE_QUERY, {
    lateSince: new Date(now.getTime() - LATE_PAYMENT_WINDOW_MS).toISOString(),
  });
  const summary: ReconcileSummary = { checked: orders.length, paid: 0, failed: 0, expired: 0, fulfilled: 0, refunds: 0 };
  for (const order of orders) {
    let { order: current } = await confirmPayments(order, "reconcile");
    if (expiryDue(current, cutoff)) {
      await cancelOpenPayments(current);
      current = (await expireOrder(current, `no confirmed payment ${expiryMinutes} min after the last attempt`)).order;
      await settleDiscountUse(current);
    }
    if (current.status === "paid" || current.status === "failed" || current.status === "expired") {
      if (current.status !== order.status) summary[current.status]++;
    }
  }
  summary.fulfilled = await retryFulfilments(now);
  await retryDiscountUses();
  summary.refunds = (await sweepAfterSale()).refunds;
  return summary;
}

/**
 * The in-server schedule: one run at a time in this process, and across instances only the holder
 * of the lake lease runs (decision 017). Errors are logged and retried at the next tick. Each run
 * logs its start and end with this instance's id. On shutdown: `stop`, then `release` the lease
 * so that another instance takes over at its next tick.
 */
export function scheduleReconciliation(intervalSeconds: number): { stop(): Promise<void>; release(): Promise<void> } {
  if (intervalSeconds <= 0) return { stop: async () => {}, release: async () => {} };
  // Long enough that a holder renewing at every tick never loses it; a crashed holder's lease lapses after it.
  const lease = lakeLease("reconcile", Math.max(2 * intervalSeconds * 1000, 60_000));
  let running: Promise<void> | undefined;
  const log = (event: Record<string, unknown>) =>
    console.log(JSON.stringify({ job: "reconcile", instance: INSTANCE_ID, at: new Date().toISOString(), ...event }));
  const run = async () => {
    if (!(await lease.acquire())) return;
    log({ event: "start" });
    const summary = await reconcileOrders();
    log({ event: "end", ...summary });
  };
  const timer = setInterval(() => {
    if (running) return;
    running = run()
      .catch((error: unknown) => console.error(`reconciliation failed: ${(error as Error).message}`))
      .finally(() => {
        running = undefined;
      });
  }, intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
    release: () => lease.release(),
  };
}
