import { defineArrayMember, defineField, defineType } from "sanity";
import { altField } from "./imageWithAlt";
import { wholeNonNegative } from "./money";

type ProductDraft = {
  kind?: "file" | "access";
  price?: number;
  promoPrice?: number;
  promoEndsAt?: string;
};

const draftOf = (context: { document?: unknown }) => (context.document ?? {}) as ProductDraft;

const priceFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const formatPrice = (amount: number) => (amount === 0 ? "Gratuit" : `${priceFormat.format(amount)} F CFA`);

export const product = defineType({
  name: "product",
  title: "Produit",
  type: "document",
  groups: [
    { name: "main", title: "Général", default: true },
    { name: "pricing", title: "Prix" },
    { name: "content", title: "Contenu" },
    { name: "delivery", title: "Livraison" },
  ],
  fields: [
    defineField({
      name: "title",
      title: "Nom du produit",
      type: "string",
      group: "main",
      validation: (rule) => rule.required().max(100),
    }),
    defineField({
      name: "slug",
      title: "Adresse (slug)",
      type: "slug",
      group: "main",
      description: "Partie de l'URL du produit ; doit être unique.",
      options: { source: "title", maxLength: 96 },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "category",
      title: "Catégorie",
      type: "reference",
      group: "main",
      to: [{ type: "category" }],
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "kind",
      title: "Type de produit",
      type: "string",
      group: "main",
      options: {
        list: [
          { title: "Fichiers à télécharger (PDF, images…)", value: "file" },
          { title: "Accès (abonnement, licence, compte)", value: "access" },
        ],
        layout: "radio",
      },
      initialValue: "file",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "summary",
      title: "Résumé",
      type: "text",
      rows: 3,
      group: "main",
      description: "Une à trois phrases, affichées sur les cartes produit.",
      validation: (rule) => rule.required().min(20).max(280),
    }),
    defineField({
      name: "images",
      title: "Images",
      type: "array",
      group: "main",
      description: "La première image sert de couverture.",
      of: [
        defineArrayMember({
          type: "image",
          options: { hotspot: true },
          fields: [altField],
        }),
      ],
      validation: (rule) => rule.required().min(1).error("Ajoutez au moins une image de couverture."),
    }),
    defineField({
      name: "featured",
      title: "Produit phare",
      type: "boolean",
      group: "main",
      description: "Affiché dans « Nos produits phares » avec le badge « Phare ».",
      initialValue: false,
    }),
    defineField({
      name: "tags",
      title: "Mots-clés",
      type: "array",
      group: "main",
      description: "Aident la recherche ; en minuscules, ex. « facebook », « pdf ».",
      of: [defineArrayMember({ type: "string" })],
      options: { layout: "tags" },
    }),
    defineField({
      name: "price",
      title: "Prix (F CFA)",
      type: "number",
      group: "pricing",
      description: "Nombre entier, sans espace ni devise. 0 pour un produit gratuit.",
      validation: (rule) => wholeNonNegative(rule).required(),
    }),
    defineField({
      name: "promoPrice",
      title: "Prix promo (F CFA)",
      type: "number",
      group: "pricing",
      description: "Facultatif. Appliqué seulement jusqu'à la date de fin de la promo.",
      validation: (rule) =>
        wholeNonNegative(rule).custom((promoPrice, context) => {
          if (promoPrice === undefined) return true;
          const { price, promoEndsAt } = draftOf(context);
          if (typeof price === "number" && promoPrice >= price) {
            return "Le prix promo doit être inférieur au prix normal.";
          }
          if (!promoEndsAt) return "Indiquez la date de fin de la promo.";
          if (Date.parse(promoEndsAt) <= Date.now()) {
            return "La promo est terminée : repoussez la date de fin ou effacez le prix promo.";
          }
          return true;
        }),
    }),
    defineField({
      name: "promoEndsAt",
      title: "Fin de la promo",
      type: "datetime",
      group: "pricing",
      description: "Après cette date, le prix normal s'applique automatiquement.",
      hidden: ({ document, value }) => document?.promoPrice === undefined && !value,
      validation: (rule) =>
        rule.custom((promoEndsAt, context) =>
          promoEndsAt && draftOf(context).promoPrice === undefined
            ? "Une date de fin sans prix promo n'a pas d'effet : indiquez le prix promo ou effacez la date."
            : true,
        ),
    }),
    defineField({
      name: "description",
      title: "Description",
      type: "blockContent",
      group: "content",
      validation: (rule) => rule.required().min(1),
    }),
    defineField({
      name: "features",
      title: "Ce que vous obtenez",
      type: "array",
      group: "content",
      description: "Une ligne par élément.",
      of: [defineArrayMember({ type: "string", validation: (rule) => rule.required().max(140) })],
      validation: (rule) => rule.required().min(1),
    }),
    defineField({
      name: "faq",
      title: "Questions fréquentes",
      type: "array",
      group: "content",
      of: [
        defineArrayMember({
          type: "object",
          name: "faqItem",
          title: "Question",
          fields: [
            defineField({
              name: "question",
              title: "Question",
              type: "string",
              validation: (rule) => rule.required().max(160),
            }),
            defineField({
              name: "answer",
              title: "Réponse",
              type: "text",
              rows: 3,
              validation: (rule) => rule.required().max(800),
            }),
          ],
          preview: { select: { title: "question", subtitle: "answer" } },
        }),
      ],
    }),
    defineField({
      name: "accessDelivery",
      title: "Remise de l'accès",
      type: "string",
      group: "delivery",
      options: {
        list: [
          { title: "Code pris automatiquement dans le stock de codes", value: "code" },
          { title: "À la main par l'équipe (WhatsApp)", value: "manual" },
        ],
        layout: "radio",
      },
      hidden: ({ document }) => document?.kind !== "access",
      validation: (rule) =>
        rule.custom((accessDelivery, context) => {
          const { kind } = draftOf(context);
          if (kind === "access" && !accessDelivery) return "Choisissez comment l'accès est remis.";
          if (kind !== "access" && accessDelivery) return "Réservé aux produits d'accès : effacez ce choix.";
          return true;
        }),
    }),
    defineField({
      name: "activationSteps",
      title: "Étapes d'activation",
      type: "blockContent",
      group: "delivery",
      description:
        "Ce que l'acheteur fait de son code ou de son accès, étape par étape. Affiché avec le code sur la page de sa commande et dans ses e-mails.",
      hidden: ({ document, value }) => document?.kind !== "access" && !value,
    }),
    defineField({
      name: "deliverables",
      title: "Fichiers livrés",
      type: "array",
      group: "delivery",
      description: "Jamais publics : remis seulement après paiement, par un lien limité.",
      hidden: ({ document, value }) => document?.kind === "access" && !(Array.isArray(value) && value.length > 0),
      of: [
        defineArrayMember({
          type: "file",
          fields: [
            defineField({
              name: "title",
              title: "Nom affiché à l'acheteur",
              type: "string",
              validation: (rule) => rule.required().max(120),
            }),
          ],
          validation: (rule) => rule.required().assetRequired(),
        }),
      ],
      validation: (rule) =>
        rule.custom((deliverables, context) => {
          const count = Array.isArray(deliverables) ? deliverables.length : 0;
          const { kind } = draftOf(context);
          if (kind === "file" && count === 0) return "Un produit à télécharger doit avoir au moins un fichier.";
          if (kind === "access" && count > 0) return "Un produit d'accès ne livre pas de fichier : retirez-les.";
          return true;
        }),
    }),
    defineField({
      name: "stampPdf",
      title: "Marquer les PDF au nom de l'acheteur",
      type: "boolean",
      group: "delivery",
      initialValue: true,
      description:
        "Chaque PDF téléchargé porte en pied de page le nom de l'acheteur, son téléphone et son e-mail masqués, le numéro et la date de la commande. Décochez pour livrer le fichier tel quel.",
      hidden: ({ document }) => document?.kind === "access",
    }),
    defineField({
      name: "maxQuantity",
      title: "Quantité maximale par commande",
      type: "number",
      group: "delivery",
      description: "Laisser vide pour 1.",
      validation: (rule) => rule.integer().min(1).max(20),
    }),
    defineField({
      name: "downloadLimit",
      title: "Téléchargements autorisés par fichier",
      type: "number",
      group: "delivery",
      description: "Laisser vide pour la valeur des réglages de la boutique.",
      hidden: ({ document }) => document?.kind === "access",
      validation: (rule) => rule.integer().min(1),
    }),
    defineField({
      name: "downloadValidityDays",
      title: "Validité des liens (jours)",
      type: "number",
      group: "delivery",
      description: "Laisser vide pour la valeur des réglages de la boutique.",
      hidden: ({ document }) => document?.kind === "access",
      validation: (rule) => rule.integer().min(1),
    }),
    defineField({
      name: "salesCount",
      title: "Nombre de ventes",
      type: "number",
      group: "main",
      description: "Sert au tri « Populaires ».",
      initialValue: 0,
      validation: (rule) => wholeNonNegative(rule),
    }),
    defineField({
      name: "publishedAt",
      title: "Date de mise en ligne",
      type: "datetime",
      group: "main",
      description: "Sert au tri « Nouveautés ».",
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required(),
    }),
  ],
  orderings: [
    { title: "Nouveautés", name: "publishedAtDesc", by: [{ field: "publishedAt", direction: "desc" }] },
    { title: "Prix croissant", name: "priceAsc", by: [{ field: "price", direction: "asc" }] },
    { title: "Ventes", name: "salesCountDesc", by: [{ field: "salesCount", direction: "desc" }] },
  ],
  preview: {
    select: {
      title: "title",
      price: "price",
      promoPrice: "promoPrice",
      featured: "featured",
      promoEndsAt: "promoEndsAt",
      kind: "kind",
      media: "images.0",
    },
    prepare: ({ title, price, promoPrice, promoEndsAt, featured, kind, media }) => {
      // Only a promo the validation accepts (below the price, not over) is shown as the price: a
      // draft's refused promo never reads as live in the list.
      const onPromo =
        typeof promoPrice === "number" &&
        typeof price === "number" &&
        promoPrice < price &&
        !!promoEndsAt &&
        Date.parse(promoEndsAt) > Date.now();
      const priceText =
        typeof price !== "number"
          ? "Prix à définir"
          : onPromo
            ? `${formatPrice(promoPrice)} (au lieu de ${formatPrice(price)})`
            : formatPrice(price);
      const parts = [priceText, kind === "access" ? "Accès" : "Fichiers", featured ? "★ Phare" : undefined];
      return { title, subtitle: parts.filter(Boolean).join(" · "), media };
    },
  },
});
