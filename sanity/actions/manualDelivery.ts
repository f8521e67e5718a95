import type { PatchOperations } from "sanity";

/** The order fields « Marquer livrée » reads (docs/decisions/006-delivery.md). */
export interface DeliverableOrder {
  status?: string;
  lines?: { _key: string; productId?: string; title?: string; kind?: string; quantity?: number }[];
  fulfilment?: { status?: string; deliveries?: { lineKey?: string; method?: string }[] };
}

export type OrderLine = NonNullable<DeliverableOrder["lines"]>[number];

/**
 * Access lines the buyer still waits for: the storefront's `lineDelivered` rule without the
 * order-wide status, which is what the action is about to set.
 */
export function linesToDeliver(order: DeliverableOrder): OrderLine[] {
  const deliveries = order.fulfilment?.deliveries ?? [];
  return (order.lines ?? []).filter((line) => {
    if (line.kind !== "access") return false;
    const own = deliveries.filter((delivery) => delivery.lineKey === line._key);
    return !own.some((delivery) => delivery.method === "manual") && own.length < (line.quantity ?? 1);
  });
}

export function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(6)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * One patch: a manual delivery for each line the merchant wrote something for (what the order
 * page shows the buyer), then the order delivered. Patches apply to the lake's current order,
 * so a payment or receipt update written meanwhile by the storefront stands.
 */
export function markDeliveredPatches(
  order: DeliverableOrder,
  handedOver: Record<string, string>,
  { now, newKey = randomKey }: { now: string; newKey?: () => string },
): PatchOperations[] {
  const deliveries = linesToDeliver(order).flatMap((line) => {
    const code = handedOver[line._key]?.trim();
    if (!code) return [];
    return [{ _key: newKey(), lineKey: line._key, productId: line.productId ?? "", method: "manual", code, at: now }];
  });
  return [
    { setIfMissing: { fulfilment: {} } },
    ...(deliveries.length
      ? [
          { setIfMissing: { "fulfilment.deliveries": [] } },
          { insert: { after: "fulfilment.deliveries[-1]", items: deliveries } },
        ]
      : []),
    { set: { "fulfilment.status": "delivered", "fulfilment.deliveredAt": now } },
  ];
}
