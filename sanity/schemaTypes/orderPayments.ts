import { defineArrayMember, defineField } from "sanity";
import { frenchReason, paymentEventTitle } from "../components/orderReasons";
import { formatAmount, money } from "./orderLabels";

/** An order's payment attempts with each provider, and the log of every payment event. */
export const paymentsField = defineField({
  name: "payments",
  title: "Tentatives de paiement",
  type: "array",
  group: "payments",
  readOnly: true,
  of: [
    defineArrayMember({
      type: "object",
      name: "paymentAttempt",
      fields: [
        defineField({ name: "provider", title: "Prestataire", type: "string" }),
        defineField({ name: "reference", title: "Référence", type: "string" }),
        money("amount", "Montant"),
        defineField({ name: "currency", title: "Devise", type: "string" }),
        defineField({ name: "state", title: "État", type: "string" }),
        defineField({ name: "rawStatus", title: "Statut du prestataire", type: "string" }),
        defineField({ name: "redirectUrl", title: "Page de paiement", type: "string" }),
        defineField({ name: "gatewayId", title: "Identifiant du lien", type: "string" }),
        defineField({ name: "country", title: "Pays (code)", type: "string" }),
        defineField({ name: "operator", title: "Opérateur", type: "string" }),
        defineField({ name: "error", title: "Erreur", type: "string" }),
        defineField({ name: "createdAt", title: "Créée le", type: "datetime" }),
        defineField({ name: "closedAt", title: "Page de paiement fermée le", type: "datetime" }),
      ],
      preview: {
        select: { provider: "provider", state: "state", amount: "amount", createdAt: "createdAt" },
        prepare: ({ provider, state, amount, createdAt }) => ({
          title: `${provider ?? "?"} · ${state ?? "?"}`,
          subtitle: [formatAmount(amount), createdAt].filter(Boolean).join(" · "),
        }),
      },
    }),
  ],
});

export const paymentLogField = defineField({
  name: "paymentLog",
  title: "Journal des paiements",
  type: "array",
  group: "payments",
  readOnly: true,
  of: [
    defineArrayMember({
      type: "object",
      name: "paymentEvent",
      fields: [
        defineField({ name: "at", title: "Date", type: "datetime" }),
        defineField({ name: "source", title: "Origine", type: "string" }),
        defineField({ name: "provider", title: "Prestataire", type: "string" }),
        defineField({ name: "reference", title: "Référence", type: "string" }),
        defineField({ name: "rawStatus", title: "Statut reçu", type: "string" }),
        defineField({ name: "state", title: "État", type: "string" }),
        money("amount", "Montant"),
        defineField({ name: "currency", title: "Devise", type: "string" }),
        defineField({ name: "note", title: "Note", type: "string" }),
      ],
      preview: {
        select: { at: "at", source: "source", state: "state", note: "note" },
        prepare: ({ at, source, state, note }) => ({
          title: paymentEventTitle(state, source),
          subtitle: [at, note && frenchReason(note)].filter(Boolean).join(" · "),
        }),
      },
    }),
  ],
});
