import { defineField } from "sanity";

/** Labels and formats the order's schema and its previews share. */
const priceFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
export const formatAmount = (amount: unknown) =>
  typeof amount === "number" ? `${priceFormat.format(amount)} F CFA` : "—";

export const ORDER_STATUS_TITLES: Record<string, string> = {
  pending: "En attente de paiement",
  paid: "Payée",
  failed: "Échouée",
  expired: "Expirée",
  refunded: "Remboursée",
};

export const REFUND_STATUS_TITLES: Record<string, string> = {
  to_refund: "À rembourser",
  refunded: "Remboursé",
};

export const FULFILMENT_STATUS_TITLES: Record<string, string> = {
  to_deliver: "À livrer",
  delivered: "Livrée",
};

export const money = (name: string, title: string) => defineField({ name, title, type: "number", readOnly: true });
