import type { Fulfilment, Order, OrderLine } from "../orders/order-document";

/**
 * A line is delivered when it is a file, has its codes or credentials, or an editor marked the
 * whole order delivered (the Studio's "Marquer livrée").
 */
export function lineDelivered(order: Pick<Order, "fulfilment">, line: OrderLine): boolean {
  if (line.kind !== "access") return true;
  const deliveries = (order.fulfilment?.deliveries ?? []).filter((delivery) => delivery.lineKey === line._key);
  if (deliveries.some((delivery) => delivery.method === "manual")) return true;
  if (deliveries.length >= line.quantity) return true;
  // The storefront only writes "delivered" once every line is: otherwise an editor set it, and it stands.
  return order.fulfilment?.status === "delivered";
}

export function fulfilmentStatus(order: Pick<Order, "lines" | "fulfilment">): Fulfilment["status"] {
  return order.lines.every((line) => lineDelivered(order, line)) ? "delivered" : "to_deliver";
}
