import { defineField, defineType } from "sanity";
import { altField } from "./imageWithAlt";

export const category = defineType({
  name: "category",
  title: "Catégorie",
  type: "document",
  fields: [
    defineField({
      name: "title",
      title: "Nom",
      type: "string",
      validation: (rule) => rule.required().max(60),
    }),
    defineField({
      name: "slug",
      title: "Adresse (slug)",
      type: "slug",
      description: "Partie de l'URL de la catégorie, ex. « formations ».",
      options: { source: "title", maxLength: 80 },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "description",
      title: "Description",
      type: "text",
      rows: 3,
      validation: (rule) => rule.required().max(300),
    }),
    defineField({
      name: "icon",
      title: "Icône (emoji)",
      type: "string",
      description: "Un seul emoji, affiché sur la carte de la catégorie.",
      validation: (rule) => rule.required().max(8),
    }),
    defineField({
      name: "sortOrder",
      title: "Ordre d'affichage",
      type: "number",
      description: "Les catégories sont affichées de la plus petite à la plus grande valeur.",
      initialValue: 100,
      validation: (rule) => rule.required().integer().min(0),
    }),
    defineField({
      name: "image",
      title: "Image",
      type: "image",
      options: { hotspot: true },
      fields: [altField],
    }),
  ],
  orderings: [{ title: "Ordre d'affichage", name: "sortOrderAsc", by: [{ field: "sortOrder", direction: "asc" }] }],
  preview: {
    select: { title: "title", icon: "icon", media: "image", sortOrder: "sortOrder" },
    prepare: ({ title, icon, media, sortOrder }) => ({
      title: icon ? `${icon} ${title ?? ""}` : title,
      subtitle: typeof sortOrder === "number" ? `Ordre : ${sortOrder}` : undefined,
      media,
    }),
  },
});
