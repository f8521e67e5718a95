import { defineField, defineType } from "sanity";

export const page = defineType({
  name: "page",
  title: "Page",
  type: "document",
  fields: [
    defineField({
      name: "title",
      title: "Titre",
      type: "string",
      validation: (rule) => rule.required().max(80),
    }),
    defineField({
      name: "slug",
      title: "Adresse (slug)",
      type: "slug",
      description: "La page est publiée à /pages/<slug>.",
      options: { source: "title", maxLength: 96 },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "description",
      title: "Description (référencement)",
      type: "text",
      rows: 2,
      description: "Montrée par Google et lors d'un partage ; 160 caractères au plus.",
      validation: (rule) => rule.required().max(160),
    }),
    defineField({
      name: "body",
      title: "Contenu",
      type: "blockContent",
      validation: (rule) => rule.required().min(1),
    }),
  ],
  preview: {
    select: { title: "title", slug: "slug.current" },
    prepare: ({ title, slug }) => ({ title, subtitle: slug ? `/pages/${slug}` : "Sans adresse" }),
  },
});
