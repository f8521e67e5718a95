import { defineArrayMember, defineField, defineType } from "sanity";
import { wholeNonNegative } from "./money";

type DiscountDraft = {
  kind?: "percentage" | "fixed";
  value?: number;
  startsAt?: string;
  endsAt?: string;
  maxRedemptions?: number;
  maxPerCustomer?: number;
};

const draftOf = (context: { document?: unknown }) => (context.document ?? {}) as DiscountDraft;
const priceFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

export const discountCode = defineType({
  name: "discountCode",
  title: "Code promo",
  type: "document",
  description: "Code que l'acheteur saisit à la commande pour obtenir une réduction.",
  fields: [
    defineField({
      name: "code",
      title: "Code",
      type: "string",
      description:
        "Lettres majuscules, chiffres, « - » ou « _ » (ex. RENTREE25). Saisi sans tenir compte des majuscules.",
      validation: (rule) =>
        rule
          .required()
          .min(3)
          .max(32)
          .regex(/^[A-Z0-9_-]+$/, { name: "majuscules, chiffres, - ou _" })
          .custom(async (code, context) => {
            if (!code) return true;
            const id = (context.document?._id ?? "").replace(/^drafts\./, "");
            const client = context.getClient({ apiVersion: "2025-02-19" });
            const taken = await client.fetch<number>(
              'count(*[_type == "discountCode" && code == $code && !(_id in [$id, "drafts." + $id])])',
              { code, id },
            );
            return taken === 0 ? true : "Ce code existe déjà.";
          }),
    }),
    defineField({
      name: "title",
      title: "Nom interne",
      type: "string",
      description: "Pour l'équipe seulement, ex. « Rentrée 2026 — influenceurs ».",
      validation: (rule) => rule.max(80),
    }),
    defineField({
      name: "active",
      title: "Actif",
      type: "boolean",
      description: "Décochez pour suspendre le code sans le supprimer.",
      initialValue: true,
    }),
    defineField({
      name: "kind",
      title: "Type de réduction",
      type: "string",
      options: {
        list: [
          { title: "Pourcentage", value: "percentage" },
          { title: "Montant fixe (F CFA)", value: "fixed" },
        ],
        layout: "radio",
      },
      initialValue: "percentage",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "value",
      title: "Valeur",
      type: "number",
      description: "Pourcentage (1 à 100) ou montant en F CFA selon le type.",
      validation: (rule) =>
        wholeNonNegative(rule)
          .required()
          .custom((value, context) => {
            if (typeof value !== "number") return true;
            if (value <= 0) return "La réduction doit être supérieure à 0.";
            if (draftOf(context).kind === "percentage" && value > 100)
              return "Un pourcentage ne peut pas dépasser 100.";
            return true;
          }),
    }),
    defineField({
      name: "minimumOrder",
      title: "Commande minimale (F CFA)",
      type: "number",
      description: "Montant minimal du panier, avant réduction. Laisser vide pour aucun minimum.",
      validation: (rule) =>
        wholeNonNegative(rule).custom((minimum, context) => {
          const { kind, value } = draftOf(context);
          if (
            kind === "fixed" &&
            typeof value === "number" &&
            typeof minimum === "number" &&
            minimum > 0 &&
            minimum < value
          ) {
            return "Le minimum de commande doit être au moins égal à la réduction.";
          }
          return true;
        }),
    }),
    defineField({
      name: "startsAt",
      title: "Début de validité",
      type: "datetime",
      description: "Laisser vide pour un code valable tout de suite.",
    }),
    defineField({
      name: "endsAt",
      title: "Fin de validité",
      type: "datetime",
      description: "Laisser vide pour un code sans date de fin.",
      validation: (rule) =>
        rule.custom((endsAt, context) => {
          const { startsAt } = draftOf(context);
          return !endsAt || !startsAt || Date.parse(endsAt) > Date.parse(startsAt)
            ? true
            : "La fin doit être après le début.";
        }),
    }),
    defineField({
      name: "maxRedemptions",
      title: "Utilisations maximales (au total)",
      type: "number",
      description: "Laisser vide pour illimité.",
      validation: (rule) => rule.integer().min(1),
    }),
    defineField({
      name: "maxPerCustomer",
      title: "Utilisations maximales par client",
      type: "number",
      description: "Un client est reconnu à son numéro WhatsApp ou son e-mail. Laisser vide pour illimité.",
      validation: (rule) =>
        rule
          .integer()
          .min(1)
          .custom((perCustomer, context) => {
            const { maxRedemptions } = draftOf(context);
            return typeof perCustomer === "number" && typeof maxRedemptions === "number" && perCustomer > maxRedemptions
              ? "Ne peut pas dépasser le nombre total d'utilisations."
              : true;
          }),
    }),
    defineField({
      name: "products",
      title: "Limité aux produits",
      type: "array",
      description: "Laisser vide pour tous les produits.",
      of: [defineArrayMember({ type: "reference", to: [{ type: "product" }] })],
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: "categories",
      title: "Limité aux catégories",
      type: "array",
      description: "Laisser vide pour toutes les catégories.",
      of: [defineArrayMember({ type: "reference", to: [{ type: "category" }] })],
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: "redemptionCount",
      title: "Utilisations",
      type: "number",
      description: "Compté par la boutique à chaque commande passée avec ce code ; ne pas modifier.",
      readOnly: true,
      initialValue: 0,
    }),
    defineField({
      name: "redemptions",
      title: "Historique des utilisations",
      type: "array",
      readOnly: true,
      of: [
        defineArrayMember({
          type: "object",
          name: "redemption",
          fields: [
            defineField({ name: "checkoutId", title: "Paiement (identifiant)", type: "string" }),
            defineField({ name: "orderNumber", title: "Commande", type: "string" }),
            defineField({ name: "customer", title: "Client", type: "string" }),
            defineField({ name: "amount", title: "Réduction (F CFA)", type: "number" }),
            defineField({ name: "at", title: "Date", type: "datetime" }),
          ],
          preview: {
            select: { at: "at", customer: "customer", amount: "amount" },
            prepare: ({ at, customer, amount }) => ({
              title: at
                ? new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeStyle: "short" }).format(new Date(at))
                : "Utilisation",
              subtitle: [customer, typeof amount === "number" ? `−${priceFormat.format(amount)} F CFA` : undefined]
                .filter(Boolean)
                .join(" · "),
            }),
          },
        }),
      ],
    }),
  ],
  preview: {
    select: {
      code: "code",
      title: "title",
      kind: "kind",
      value: "value",
      active: "active",
      endsAt: "endsAt",
      count: "redemptionCount",
      max: "maxRedemptions",
    },
    prepare: ({ code, title, kind, value, active, endsAt, count, max }) => {
      const amount =
        typeof value !== "number"
          ? "Valeur à définir"
          : kind === "fixed"
            ? `−${priceFormat.format(value)} F CFA`
            : `−${value} %`;
      const state = active === false ? "Suspendu" : endsAt && Date.parse(endsAt) < Date.now() ? "Expiré" : "Actif";
      const uses = `${count ?? 0}${typeof max === "number" ? `/${max}` : ""} utilisation(s)`;
      return { title: code ?? "Nouveau code", subtitle: [amount, state, uses, title].filter(Boolean).join(" · ") };
    },
  },
});
