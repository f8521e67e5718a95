import type { PatchOperations } from "sanity";
import { randomKey } from "./manualDelivery";

/** The order fields « Rembourser » reads (docs/decisions/019-after-sale.md). */
export interface RefundableOrder {
  number?: string;
  status?: string;
  total?: number;
  currency?: string;
  lines?: { _key: string; title?: string; kind?: string }[];
  payments?: { provider?: string; reference?: string }[];
  fulfilment?: { deliveries?: { _key: string; lineKey?: string; method?: string; code?: string }[] };
}

export interface RefundInput {
  amount: number;
  reason: string;
  /** Keys of the pool-code deliveries the merchant says were never used: they go back to the pool. */
  unusedDeliveries: string[];
}

/** Codes taken from a pool, the only ones that can go back to it. */
export function poolCodes(order: RefundableOrder) {
  return (order.fulfilment?.deliveries ?? []).filter((delivery) => delivery.method === "code" && delivery.code);
}

/** Why the refund cannot be recorded as typed, in French, or undefined when it can. */
export function refundProblem(order: RefundableOrder, input: RefundInput): string | undefined {
  // The storefront's state machine (canRefund): paid → refunded only, never back.
  if (order.status !== "paid") return "Seule une commande payée peut être remboursée.";
  if (!Number.isInteger(input.amount) || input.amount <= 0)
    return "Indiquez le montant remboursé, en F CFA, sans décimales.";
  if (input.amount > (order.total ?? 0)) return "Le montant remboursé dépasse le montant payé.";
  if (input.reason.trim().length < 3) return "Indiquez le motif du remboursement.";
  return undefined;
}

/**
 * One patch: the order becomes refunded, the refund is recorded with the codes to return, and an
 * entry is appended to the payment log (which keeps every earlier entry). The storefront then
 * returns the codes and e-mails the buyer, once.
 */
export function refundPatches(
  order: RefundableOrder,
  input: RefundInput,
  { now, newKey = randomKey }: { now: string; newKey?: () => string },
): PatchOperations[] {
  const codes = poolCodes(order);
  const unusedCodes = codes
    .filter((delivery) => input.unusedDeliveries.includes(delivery._key))
    .map((delivery) => ({ _key: newKey(), lineKey: delivery.lineKey ?? "", code: delivery.code ?? "" }));
  const latest = order.payments?.at(-1);
  const reason = input.reason.trim();
  return [
    {
      set: {
        status: "refunded",
        statusReason: `refunded by hand: ${reason}`,
        refund: { amount: input.amount, reason, at: now, unusedCodes },
      },
    },
    { setIfMissing: { paymentLog: [] } },
    {
      insert: {
        after: "paymentLog[-1]",
        items: [
          {
            _key: newKey(),
            _type: "paymentEvent",
            at: now,
            source: "studio",
            provider: latest?.provider ?? "none",
            reference: latest?.reference ?? order.number ?? "",
            rawStatus: "REFUNDED",
            state: "refunded",
            amount: input.amount,
            currency: order.currency ?? "XAF",
            note: `refunded by hand: ${reason}; ${unusedCodes.length} of ${codes.length} code(s) back to the pool`,
          },
        ],
      },
    },
  ];
}
