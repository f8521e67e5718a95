import { defineQuery } from "groq";
import { sweepAfterSale } from "../orders/aftersale.server";
import { retryFulfilments } from "../delivery/delivery.server";
import { retryDiscountUses, settleDiscountUse } from "../marketing/discounts.server";
import { getEnv } from "../platform/env.server";
import { INSTANCE_ID, lakeLease } from "../platform/lease.server";
import { expiryDue, LATE_PAYMENT_WINDOW_MS, nextCheckAt } from "../orders/order-state.server";
import type { Order } from "../orders/order-document";
import { reviseOrder } from "../orders/orders.server";
import { expireOrder, PAYMENT_CLAIM_LEASE_MS } from "../orders/payment-records.server";
import { readOrders } from "../orders/read.server";
import { getProvider } from "./registry.server";
import { writeWithRevision } from "../platform/revise.server";
import { getSanityWriteClient } from "../platform/sanity.server";
import { confirmPayments, expiryCutoff } from "./attempts.server";

/**
 * Re-checks orders with their provider (decision 012): each order carries `reconcileAt`, when it
 * must next be looked at (`nextCheckAt`: its expiry, its payments still open, less often as they
 * age). A run takes every order due, page after page, so a new order is never behind a backlog, and
 * orders with nothing left to ask are never read again. Orders written before `reconcileAt` existed
 * are taken once, by what they look like. Unpaid orders are expired once idle past the time limit,
 * their payment links cancelled where the provider allows it; a payment confirmed after expiry is
 * honoured, and a paid order's other attempts are asked until they settle (decision 011).
 */
const PAGE = 100;
const ORDERS_TO_RECONCILE_QUERY = defineQuery(`*[_type == "order" && !(_id in $failed) && (
  reconcileAt <= $now
  || (!defined(reconcileAt) && !defined(reconciledAt) && (
    status in ["pending", "failed"]
    || (status in ["expired", "paid"] && _updatedAt > $lateSince && count(payments[state == "pending"]) > 0)
  ))
)] | order(reconcileAt asc)[0...100]`);

export interface ReconcileSummary {
  checked: number;
  paid: number;
  failed: number;
  expired: number;
  /** Orders the run could not handle (logged; retried on the next run). */
  errors: number;
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

async function reconcileOrder(order: Order, now: Date): Promise<Order> {
  const expiryMinutes = getEnv().ORDER_EXPIRY_MINUTES;
  let { order: current } = await confirmPayments(order, "reconcile");
  if (expiryDue(current, expiryCutoff(now))) {
    await cancelOpenPayments(current);
    current = (await expireOrder(current, `no confirmed payment ${expiryMinutes} min after the last attempt`)).order;
    await settleDiscountUse(current);
  }
  return (await scheduleCheck(current, new Date())).order;
}

/** Writes when the order must next be looked at (from its fresh state), or that it need not be. */
export function scheduleCheck(order: Order, now: Date, delayMs?: number) {
  const expiryMs = getEnv().ORDER_EXPIRY_MINUTES * 60_000;
  return reviseOrder(order._id, (current) => {
    const next =
      delayMs === undefined
        ? nextCheckAt(current, now, expiryMs, PAYMENT_CLAIM_LEASE_MS)
        : new Date(now.getTime() + delayMs);
    const reconcileAt = next?.toISOString();
    if (current.reconcileAt === reconcileAt && current.reconciledAt) return undefined;
    return (patch) => {
      const stamped = patch.set({ reconciledAt: now.toISOString() });
      return reconcileAt ? stamped.set({ reconcileAt }) : stamped.unset(["reconcileAt"]);
    };
  });
}

/** A failing order is looked at again a little later, so that it never holds the queue. */
const AFTER_ERROR_MS = 5 * 60_000;

/** The same for an order the shop cannot read (a bad import, a Studio edit): only its schedule is written. */
function postponeUnreadable(id: string, reconcileAt: Date) {
  const client = getSanityWriteClient();
  return writeWithRevision(
    client,
    `Order ${id}`,
    async () => (await client.getDocument(id)) ?? undefined,
    () => (patch) => patch.set({ reconcileAt: reconcileAt.toISOString() }),
  );
}

export async function reconcileOrders(now = new Date()): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { checked: 0, paid: 0, failed: 0, expired: 0, errors: 0, fulfilled: 0, refunds: 0 };
  const failed: string[] = [];
  const seen = new Set<string>();
  const params = { now: now.toISOString(), lateSince: new Date(now.getTime() - LATE_PAYMENT_WINDOW_MS).toISOString() };
  for (;;) {
    const page = await readOrders(ORDERS_TO_RECONCILE_QUERY, { ...params, failed });
    // An order the shop cannot read (logged with its id) counts as an error and is left out of the run.
    for (const { orderId } of page.unreadable) {
      summary.checked++;
      summary.errors++;
      failed.push(orderId);
      await postponeUnreadable(orderId, new Date(Date.now() + AFTER_ERROR_MS)).catch(() => undefined);
    }
    const fresh = page.orders.filter((order) => !seen.has(order._id));
    if (fresh.length === 0 && page.unreadable.length === 0) break;
    for (const order of fresh) {
      seen.add(order._id);
      summary.checked++;
      try {
        const current = await reconcileOrder(order, now);
        const moved = current.status !== order.status;
        if (moved && (current.status === "paid" || current.status === "failed" || current.status === "expired"))
          summary[current.status]++;
      } catch (error) {
        // One bad order never stops the run: it is logged, skipped, and tried again later.
        summary.errors++;
        failed.push(order._id);
        console.error(
          `reconciliation of ${order.number ?? order._id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        await scheduleCheck(order, new Date(), AFTER_ERROR_MS).catch(() => undefined);
      }
    }
    if (page.orders.length + page.unreadable.length < PAGE) break;
  }
  // Each sweep handles its orders one by one; one that fails as a whole (the lake unreachable for
  // its query) is logged and counted, and never stops the sweeps after it.
  const sweep = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      summary.errors++;
      console.error(
        `reconciliation sweep ${name} failed (retried on the next run): ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  };
  summary.fulfilled = (await sweep("fulfilments", () => retryFulfilments(now))) ?? 0;
  await sweep("discount uses", () => retryDiscountUses());
  summary.refunds = (await sweep("after-sale", () => sweepAfterSale()))?.refunds ?? 0;
  return summary;
}

/** Long enough for one run over a large backlog; released as soon as the run ends. */
const ONE_RUN_LEASE_MS = 10 * 60_000;

/**
 * One run under the same lake lease as the servers' schedule (`npm run reconcile`), released when it
 * ends. `null` when another process holds the lease: a server is reconciling on its schedule, or
 * another run is under way, and two runs at once would ask the providers twice for the same orders.
 */
export async function reconcileOnce(): Promise<ReconcileSummary | null> {
  const lease = lakeLease("reconcile", ONE_RUN_LEASE_MS);
  if (!(await lease.acquire())) return null;
  try {
    return await reconcileOrders();
  } finally {
    await lease.release();
  }
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
