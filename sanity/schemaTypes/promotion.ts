import { defineField, defineType } from "sanity";
import { DEFAULT_SHOP_TIME_ZONE } from "../components/shopTimeZone";
import { altField } from "./imageWithAlt";

export const promotion = defineType({
  name: "promotion",
  title: "Promotion (bannière)",
  type: "document",
  description:
    "Bannière de la page d'accueil, affichée seulement entre sa date de début et sa date de fin. Quand plusieurs promotions sont en cours, la boutique affiche celle qui a commencé le plus récemment.",
  fields: [
    defineField({
      name: "title",
      title: "Titre",
      type: "string",
      validation: (rule) => rule.required().max(80),
    }),
    defineField({
      name: "text",
      title: "Texte",
      type: "text",
      rows: 2,
      validation: (rule) => rule.required().max(240),
    }),
    defineField({
      name: "linkLabel",
      title: "Texte du bouton",
      type: "string",
      validation: (rule) => rule.required().max(40),
    }),
    defineField({
      name: "link",
      title: "Lien du bouton",
      type: "string",
      description: "Chemin dans la boutique (ex. /produits?promo=1) ou adresse complète (https://…).",
      validation: (rule) =>
        rule
          .required()
          .custom((value) =>
            !value || value.startsWith("/") || /^https?:\/\//.test(value)
              ? true
              : "Commencez par « / » pour une page de la boutique ou par « https:// ».",
          ),
    }),
    defineField({
      name: "image",
      title: "Image",
      type: "image",
      options: { hotspot: true },
      fields: [altField],
    }),
    defineField({
      name: "startsAt",
      title: "Début",
      type: "datetime",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "endsAt",
      title: "Fin",
      type: "datetime",
      validation: (rule) =>
        rule.required().custom((endsAt, context) => {
          const startsAt = (context.document as { startsAt?: string } | undefined)?.startsAt;
          return !endsAt || !startsAt || Date.parse(endsAt) > Date.parse(startsAt)
            ? true
            : "La fin doit être après le début.";
        }),
    }),
  ],
  orderings: [
    { title: "Début (récent d'abord)", name: "startsAtDesc", by: [{ field: "startsAt", direction: "desc" }] },
  ],
  preview: {
    select: { title: "title", startsAt: "startsAt", endsAt: "endsAt", media: "image" },
    prepare: ({ title, startsAt, endsAt, media }) => ({
      title,
      subtitle:
        startsAt && endsAt
          ? `${scheduleLabel(startsAt, endsAt)} · ${formatDate(startsAt)} → ${formatDate(endsAt)}`
          : "Dates à définir",
      media,
    }),
  },
});

// A list preview cannot read the settings: it shows the default shop zone, which the demo uses.
const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: DEFAULT_SHOP_TIME_ZONE,
});

function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

function scheduleLabel(startsAt: string, endsAt: string): string {
  const now = Date.now();
  if (Date.parse(startsAt) > now) return "Programmée";
  return Date.parse(endsAt) > now ? "En cours" : "Terminée";
}
