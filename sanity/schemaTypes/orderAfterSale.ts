import { defineArrayMember, defineField } from "sanity";
import { formatAmount, REFUND_STATUS_TITLES, money } from "./orderLabels";

/** After the sale: double payments to refund, the refund recorded with « Rembourser », claims, the merchant's alerts. */
export const duplicatePaymentsField = defineField({
  name: "duplicatePayments",
  title: "Paiements en double",
  type: "array",
  group: ["summary", "payments"],
  description:
    "Un second paiement encaissé pour une commande déjà payée (le client a payé deux fois). La commande reste payée : remboursez ce montant au client, puis passez la ligne à « Remboursé ».",
  options: { sortable: false, disableActions: ["add", "addBefore", "addAfter", "remove", "duplicate", "copy"] },
  of: [
    defineArrayMember({
      type: "object",
      name: "duplicatePayment",
      fields: [
        defineField({
          name: "refundStatus",
          title: "Remboursement",
          type: "string",
          options: {
            list: Object.entries(REFUND_STATUS_TITLES).map(([value, title]) => ({ value, title })),
            layout: "radio",
          },
          validation: (rule) => rule.required(),
        }),
        defineField({ name: "provider", title: "Prestataire", type: "string", readOnly: true }),
        defineField({ name: "reference", title: "Référence", type: "string", readOnly: true }),
        { ...money("amount", "Montant à rembourser") },
        defineField({ name: "currency", title: "Devise", type: "string", readOnly: true }),
        defineField({ name: "detectedAt", title: "Constaté le", type: "datetime", readOnly: true }),
        defineField({ name: "attemptKey", title: "Tentative (clé)", type: "string", readOnly: true, hidden: true }),
      ],
      preview: {
        select: { provider: "provider", amount: "amount", refundStatus: "refundStatus", detectedAt: "detectedAt" },
        prepare: ({ provider, amount, refundStatus, detectedAt }) => ({
          title: `${REFUND_STATUS_TITLES[refundStatus as string] ?? refundStatus ?? "?"} · ${formatAmount(amount)}`,
          subtitle: [provider, detectedAt].filter(Boolean).join(" · "),
        }),
      },
    }),
  ],
});

export const refundField = defineField({
  name: "refund",
  title: "Remboursement",
  type: "object",
  group: "payments",
  readOnly: true,
  description: "Enregistré par l'action « Rembourser » (menu en bas de la commande).",
  hidden: ({ value }) => !value,
  fields: [
    money("amount", "Montant remboursé"),
    defineField({ name: "reason", title: "Motif", type: "string" }),
    defineField({ name: "at", title: "Remboursée le", type: "datetime" }),
    defineField({
      name: "unusedCodes",
      title: "Codes remis dans le stock",
      type: "array",
      of: [
        defineArrayMember({
          type: "object",
          name: "returnedCode",
          fields: [
            defineField({ name: "lineKey", title: "Article (clé)", type: "string" }),
            defineField({ name: "code", title: "Code", type: "string" }),
          ],
        }),
      ],
    }),
    defineField({ name: "codesReturnedAt", title: "Codes remis dans le stock le", type: "datetime" }),
    defineField({ name: "mail", title: "E-mail au client", type: "mailNotice" }),
  ],
});

export const claimsField = defineField({
  name: "claims",
  title: "Réclamations",
  type: "array",
  group: "summary",
  description:
    "« J'ai payé mais je n'ai rien reçu » : ce que le client a signalé et ce que la boutique a trouvé en revérifiant le paiement. Passez-la à « Traitée » une fois le client servi.",
  hidden: ({ value }) => !(Array.isArray(value) && value.length > 0),
  options: { sortable: false, disableActions: ["add", "addBefore", "addAfter", "remove", "duplicate", "copy"] },
  of: [
    defineArrayMember({
      type: "object",
      name: "claim",
      fields: [
        defineField({ name: "at", title: "Signalée le", type: "datetime", readOnly: true }),
        defineField({ name: "smsReference", title: "Référence du SMS", type: "string", readOnly: true }),
        defineField({ name: "note", title: "Message du client", type: "text", rows: 2, readOnly: true }),
        defineField({
          name: "answer",
          title: "Vérification de la boutique",
          type: "string",
          readOnly: true,
          options: {
            list: [
              { title: "Paiement trouvé, client livré", value: "paid" },
              { title: "Paiement trouvé, accès à livrer", value: "to_deliver" },
              { title: "Paiement non confirmé par le prestataire", value: "not_confirmed" },
            ],
          },
        }),
        defineField({
          name: "status",
          title: "Statut",
          type: "string",
          options: {
            list: [
              { title: "Ouverte", value: "open" },
              { title: "Traitée", value: "resolved" },
            ],
            layout: "radio",
          },
          validation: (rule) => rule.required(),
        }),
        defineField({ name: "alert", title: "Alerte au marchand", type: "mailNotice" }),
      ],
      preview: {
        select: { reference: "smsReference", status: "status", at: "at" },
        prepare: ({ reference, status, at }) => ({
          title: `${reference ?? "?"} · ${status === "resolved" ? "Traitée" : "Ouverte"}`,
          subtitle: at,
        }),
      },
    }),
  ],
});

export const alertsField = defineField({
  name: "alerts",
  title: "Alertes au marchand",
  type: "object",
  group: "fulfilment",
  readOnly: true,
  hidden: ({ value }) => !value,
  fields: [defineField({ name: "toDeliver", title: "Commande à livrer", type: "mailNotice" })],
});
