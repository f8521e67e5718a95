import { defineArrayMember, defineField, defineType } from "sanity";
import { alertsField, claimsField, duplicatePaymentsField, refundField } from "./orderAfterSale";
import { downloadsField, fulfilmentField } from "./orderFulfilment";
import { formatAmount, ORDER_STATUS_TITLES, FULFILMENT_STATUS_TITLES, money } from "./orderLabels";
import { paymentLogField, paymentsField } from "./orderPayments";

// Orders are written by the storefront (payment confirmations, deliveries). Editing them live,
// without drafts, keeps a Studio edit from publishing a stale copy over a newer payment update;
// every storefront field is read-only so the merchant only touches the fulfilment.

export const order = defineType({
  name: "order",
  title: "Commande",
  type: "document",
  liveEdit: true,
  groups: [
    { name: "summary", title: "Commande", default: true },
    { name: "fulfilment", title: "Livraison" },
    { name: "payments", title: "Paiements" },
  ],
  fields: [
    defineField({ name: "number", title: "Numéro", type: "string", group: "summary", readOnly: true }),
    defineField({
      name: "status",
      title: "Statut du paiement",
      type: "string",
      group: "summary",
      readOnly: true,
      options: { list: Object.entries(ORDER_STATUS_TITLES).map(([value, title]) => ({ value, title })) },
    }),
    defineField({
      name: "statusReason",
      title: "Motif",
      type: "string",
      group: "summary",
      readOnly: true,
      // Shown in French by the Studio's order form (sanity.config.ts, components/orderReason.tsx).
    }),
    defineField({ name: "paidAt", title: "Payée le", type: "datetime", group: "summary", readOnly: true }),
    defineField({
      name: "customer",
      title: "Client",
      type: "object",
      group: "summary",
      readOnly: true,
      fields: [
        defineField({ name: "name", title: "Nom", type: "string" }),
        defineField({ name: "whatsapp", title: "WhatsApp", type: "string" }),
        defineField({ name: "email", title: "E-mail", type: "string" }),
      ],
    }),
    defineField({
      name: "lines",
      title: "Articles",
      type: "array",
      group: "summary",
      readOnly: true,
      of: [
        defineArrayMember({
          type: "object",
          name: "orderLine",
          fields: [
            defineField({ name: "productId", title: "Produit (identifiant)", type: "string" }),
            defineField({ name: "title", title: "Produit", type: "string" }),
            defineField({ name: "slug", title: "Adresse", type: "string" }),
            defineField({
              name: "kind",
              title: "Type",
              type: "string",
              options: {
                list: [
                  { title: "Fichiers", value: "file" },
                  { title: "Accès", value: "access" },
                ],
              },
            }),
            money("listPrice", "Prix catalogue"),
            money("unitPrice", "Prix payé"),
            defineField({ name: "quantity", title: "Quantité", type: "number" }),
            money("total", "Total"),
          ],
          preview: {
            select: { title: "title", quantity: "quantity", total: "total" },
            prepare: ({ title, quantity, total }) => ({
              title,
              subtitle: `${quantity ?? 1} × · ${formatAmount(total)}`,
            }),
          },
        }),
      ],
    }),
    { ...money("subtotal", "Sous-total"), group: "summary" },
    defineField({
      name: "discount",
      title: "Code promo",
      type: "object",
      group: "summary",
      readOnly: true,
      fields: [
        defineField({ name: "code", title: "Code", type: "string" }),
        defineField({ name: "codeId", title: "Document du code", type: "string", hidden: true }),
        money("amount", "Réduction"),
      ],
    }),
    { ...money("total", "Total payé"), group: "summary" },
    defineField({ name: "currency", title: "Devise", type: "string", group: "summary", readOnly: true }),
    defineField({
      name: "paymentMethod",
      title: "Moyen de paiement",
      type: "string",
      group: "payments",
      readOnly: true,
      options: {
        list: [
          { title: "Lygos Pay", value: "lygos" },
          { title: "Lengo Pay", value: "lengo" },
          { title: "Gratuit", value: "free" },
        ],
      },
    }),
    fulfilmentField,
    downloadsField,
    duplicatePaymentsField,
    refundField,
    claimsField,
    alertsField,
    paymentsField,
    paymentLogField,
    defineField({
      name: "reconcileAt",
      title: "Prochaine vérification du paiement",
      type: "datetime",
      group: "payments",
      readOnly: true,
    }),
    defineField({
      name: "reconciledAt",
      title: "Dernière vérification du paiement",
      type: "datetime",
      group: "payments",
      readOnly: true,
    }),
    defineField({ name: "checkoutId", title: "Identifiant de paiement", type: "string", readOnly: true, hidden: true }),
    defineField({ name: "accessToken", title: "Jeton d'accès", type: "string", readOnly: true, hidden: true }),
    defineField({ name: "callbackToken", title: "Jeton de rappel", type: "string", readOnly: true, hidden: true }),
  ],
  orderings: [{ title: "Plus récentes", name: "createdAtDesc", by: [{ field: "_createdAt", direction: "desc" }] }],
  preview: {
    select: {
      number: "number",
      status: "status",
      fulfilment: "fulfilment.status",
      total: "total",
      customer: "customer.name",
      firstLine: "lines.0.title",
      duplicate: "duplicatePayments.0.refundStatus",
    },
    prepare: ({ number, status, fulfilment, total, customer, firstLine, duplicate }) => ({
      title: `${number ?? "Commande"} — ${customer ?? ""}`,
      subtitle: [
        duplicate === "to_refund" ? "⚠ Paiement en double à rembourser" : undefined,
        ORDER_STATUS_TITLES[status as string] ?? status,
        fulfilment ? FULFILMENT_STATUS_TITLES[fulfilment as string] : undefined,
        formatAmount(total),
        firstLine,
      ]
        .filter(Boolean)
        .join(" · "),
    }),
  },
});
