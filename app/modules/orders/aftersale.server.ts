import { sweepMerchantAlerts } from "./merchant-alerts.server";
import { readOrder } from "./orders.server";
import { settleRefund, settleRefunds } from "./refunds.server";

/**
 * After-sale follow-ups of orders the storefront did not write itself (docs/decisions/019-after-sale.md):
 * run for one order when the lake's webhook says it changed, and swept by the reconciler.
 */
export async function onOrderWritten(id: string): Promise<void> {
  if (!/^order-ASH-[2-9A-Z]{6}$/.test(id)) return;
  const order = await readOrder(id);
  if (order) await settleRefund(order);
}

export interface AfterSaleSummary {
  refunds: number;
  alerts: number;
}

export async function sweepAfterSale(): Promise<AfterSaleSummary> {
  return { refunds: await settleRefunds(), alerts: await sweepMerchantAlerts() };
}
