import { defineArrayMember, defineField } from "sanity";
import { FULFILMENT_STATUS_TITLES } from "./orderLabels";

/** An order's fulfilment as the storefront records it (deliveries, receipt) and its download log. */
export const fulfilmentField = defineField({
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
});

export const downloadsField = defineField({
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
});
