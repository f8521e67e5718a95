import type { Order, PaymentAttempt } from "./order-document";
import { getProvider } from "../payments/registry.server";

/**
 * What the buyer keeps as proof of a payment, on the order page and in the receipt: when, with which
 * operator, the provider's reference and the amount. Free orders have no payment: only the date.
 */
export interface PaymentSummary {
  /** When the order was paid (or, free, confirmed); ISO. */
  date: string;
  amount: number;
  currency: string;
  free: boolean;
  /** The gateway, as the buyer saw its page (« Lygos Pay »). */
  provider: string | null;
  /** The mobile-money operator, when the checkout recorded one on the attempt. */
  operator: string | null;
  reference: string | null;
}

/** The attempt that took the money; else the latest, for an order still waiting. */
function settlingAttempt(order: Order): PaymentAttempt | undefined {
  const attempts = order.payments ?? [];
  return attempts.find((attempt) => attempt.state === "paid") ?? attempts.at(-1);
}

/** The operator-first checkout (issue 11, items 1-2) records the operator on the attempt; older orders have none. */
function operatorOf(attempt: PaymentAttempt | undefined): string | null {
  const operator = (attempt as { operator?: unknown } | undefined)?.operator;
  return typeof operator === "string" && operator.trim() ? operator : null;
}

export function paymentSummary(order: Order): PaymentSummary {
  const free = order.total === 0;
  const attempt = free ? undefined : settlingAttempt(order);
  return {
    date: order.paidAt ?? order._createdAt,
    amount: order.total,
    currency: order.currency,
    free,
    provider: attempt ? (getProvider(attempt.provider)?.label ?? attempt.provider) : null,
    operator: operatorOf(attempt),
    reference: attempt?.reference || null,
  };
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Africa/Douala",
});

/** « 29 novembre 2026 à 10:42 », in the shop's time zone (Douala, UTC+1). */
export const formatOrderDate = (iso: string) => dateFormat.format(new Date(iso));

/** The summary as label/value rows, in the order the page and the e-mail show them. */
export function paymentRows(
  summary: PaymentSummary,
  price: (amount: number) => string,
): { label: string; value: string }[] {
  if (summary.free)
    return [
      { label: "Date", value: formatOrderDate(summary.date) },
      { label: "Total", value: "Gratuit" },
    ];
  return [
    { label: "Date", value: formatOrderDate(summary.date) },
    ...(summary.operator ? [{ label: "Opérateur", value: summary.operator }] : []),
    ...(summary.provider ? [{ label: "Paiement via", value: summary.provider }] : []),
    ...(summary.reference ? [{ label: "Référence du paiement", value: summary.reference }] : []),
    { label: "Montant payé", value: price(summary.amount) },
  ];
}
