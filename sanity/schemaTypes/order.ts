import { defineArrayMember, defineField, defineType } from "sanity";
import { frenchReason, paymentEventTitle } from "../components/orderReasons";

// Orders are written by the storefront (payment confirmations, deliveries). Editing them live,
// without drafts, keeps a Studio edit from publishing a stale copy over a newer payment update;
// every storefront field is read-only so the merchant only touches the fulfilment.
const priceFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const formatAmount = (amount: unknown) => (typeof amount === "number" ? `${priceFormat.format(amount)} F CFA` : "—");

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

const money = (name: string, title: string) => defineField({ name, title, type: "number", readOnly: true });

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
    defineField({
      name: "fulfilment",
      title: "Livraison",
      type: "object",
      group: "fulfilment",
      description:
        "Pour les accès remis à la main : « Marquer livrée » (menu en bas de la commande) enregistre ce que le client doit recevoir et passe la commande à « Livrée ».",
      fields: [
        defineField({
          name: "status",
          title: "Statut de livraison",
          type: "string",
          options: {
            list: Object.entries(FULFILMENT_STATUS_TITLES).map(([value, title]) => ({ value, title })),
            layout: "radio",
          },
        }),
        defineField({ name: "deliveredAt", title: "Livrée le", type: "datetime", readOnly: true }),
        defineField({
          name: "note",
          title: "Note de l'équipe",
          type: "text",
          rows: 3,
          description: "Interne : jamais montrée au client.",
          validation: (rule) => rule.max(2000),
        }),
        defineField({
          name: "deliveries",
          title: "Remises",
          type: "array",
          description:
            "Codes pris dans le stock, ou ce que l'équipe a saisi avec « Marquer livrée » : le client les voit sur la page de sa commande. Seul ce qui a été remis à la main peut être corrigé ici.",
          // Entries are written by the storefront (pool codes) and by « Marquer livrée », which
          // ties each one to its order line: none is added, moved or removed by hand.
          options: { sortable: false, disableActions: ["add", "addBefore", "addAfter", "remove", "duplicate", "copy"] },
          of: [
            defineArrayMember({
              type: "object",
              name: "delivery",
              fields: [
                defineField({
                  name: "lineKey",
                  title: "Article (clé)",
                  type: "string",
                  readOnly: true,
                  validation: (rule) => rule.required(),
                }),
                defineField({ name: "productId", title: "Produit (identifiant)", type: "string", readOnly: true }),
                defineField({
                  name: "method",
                  title: "Mode",
                  type: "string",
                  readOnly: true,
                  options: {
                    list: [
                      { title: "Code du stock", value: "code" },
                      { title: "À la main", value: "manual" },
                    ],
                  },
                  validation: (rule) => rule.required(),
                }),
                defineField({
                  name: "code",
                  title: "Code ou identifiants remis",
                  type: "text",
                  rows: 2,
                  // A pool code is also recorded in its pool: changing it here would split the two.
                  readOnly: ({ parent }) => (parent as { method?: string } | undefined)?.method !== "manual",
                  validation: (rule) => rule.required().max(2000),
                }),
                defineField({ name: "at", title: "Date", type: "datetime", readOnly: true }),
              ],
              preview: {
                select: { code: "code", method: "method", at: "at" },
                prepare: ({ code, method, at }) => ({
                  title: code,
                  subtitle: [method === "manual" ? "À la main" : "Code du stock", at].filter(Boolean).join(" · "),
                }),
              },
            }),
          ],
        }),
        defineField({ name: "waitsForCodes", title: "Attend des codes du stock", type: "boolean", readOnly: true }),
        defineField({ name: "checkedAt", title: "Dernière vérification", type: "datetime", readOnly: true }),
        defineField({
          name: "receiptClaimedAt",
          title: "Reçu en cours d'envoi depuis",
          type: "datetime",
          readOnly: true,
        }),
        defineField({ name: "receiptClaimedBy", title: "Reçu envoyé par (processus)", type: "string", readOnly: true }),
        defineField({ name: "receiptSentAt", title: "Reçu envoyé le", type: "datetime", readOnly: true }),
        defineField({ name: "receiptError", title: "Erreur d'envoi du reçu", type: "string", readOnly: true }),
        defineField({ name: "lastError", title: "Dernière erreur de livraison", type: "string", readOnly: true }),
      ],
    }),
    defineField({
      name: "downloads",
      title: "Téléchargements",
      type: "array",
      group: "fulfilment",
      readOnly: true,
      of: [
        defineArrayMember({
          type: "object",
          name: "downloadEvent",
          fields: [
            defineField({ name: "at", title: "Date", type: "datetime" }),
            defineField({ name: "lineKey", title: "Article (clé)", type: "string" }),
            defineField({ name: "file", title: "Fichier (clé)", type: "string" }),
            defineField({ name: "count", title: "Téléchargements de ce fichier", type: "number" }),
          ],
          preview: {
            select: { at: "at", file: "file", count: "count" },
            prepare: ({ at, file, count }) => ({ title: `${file ?? "?"} · n° ${count ?? "?"}`, subtitle: at }),
          },
        }),
      ],
    }),
    defineField({
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
    }),
    defineField({
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
    }),
    defineField({
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
    }),
    defineField({
      name: "alerts",
      title: "Alertes au marchand",
      type: "object",
      group: "fulfilment",
      readOnly: true,
      hidden: ({ value }) => !value,
      fields: [defineField({ name: "toDeliver", title: "Commande à livrer", type: "mailNotice" })],
    }),
    defineField({
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
    }),
    defineField({
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
    }),
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
