import { defineField, defineType } from "sanity";

const STATUS_TITLES: Record<string, string> = { pending: "À modérer", published: "Publié", rejected: "Refusé" };

export const review = defineType({
  name: "review",
  title: "Avis client",
  type: "document",
  fields: [
    defineField({
      name: "status",
      title: "Statut",
      type: "string",
      description: "Seuls les avis publiés sont visibles dans la boutique.",
      options: {
        list: Object.entries(STATUS_TITLES).map(([value, title]) => ({ value, title })),
        layout: "radio",
      },
      initialValue: "pending",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "product",
      title: "Produit",
      type: "reference",
      to: [{ type: "product" }],
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "rating",
      title: "Note (1 à 5)",
      type: "number",
      options: { list: [1, 2, 3, 4, 5], layout: "radio", direction: "horizontal" },
      validation: (rule) => rule.required().integer().min(1).max(5).error("La note doit être un entier de 1 à 5."),
    }),
    defineField({
      name: "name",
      title: "Nom du client",
      type: "string",
      validation: (rule) => rule.required().max(80),
    }),
    defineField({
      name: "comment",
      title: "Commentaire",
      type: "text",
      rows: 4,
      validation: (rule) => rule.required().max(2000),
    }),
    defineField({
      name: "verified",
      title: "Achat vérifié",
      type: "boolean",
      description: "Posé par la boutique quand l'avis vient d'une commande payée.",
      readOnly: true,
      initialValue: false,
    }),
    defineField({
      name: "orderNumber",
      title: "Commande",
      type: "string",
      readOnly: true,
    }),
    defineField({
      name: "createdAt",
      title: "Déposé le",
      type: "datetime",
      readOnly: true,
      initialValue: () => new Date().toISOString(),
    }),
  ],
  orderings: [{ title: "Plus récents", name: "createdAtDesc", by: [{ field: "createdAt", direction: "desc" }] }],
  preview: {
    select: {
      name: "name",
      rating: "rating",
      status: "status",
      product: "product.title",
      verified: "verified",
      media: "product.images.0",
    },
    prepare: ({ name, rating, status, product, verified, media }) => ({
      title: `${typeof rating === "number" ? "★".repeat(rating) + "☆".repeat(Math.max(0, 5 - rating)) : "—"} ${name ?? ""}`,
      subtitle: [STATUS_TITLES[status as string] ?? status, product, verified ? "Achat vérifié" : undefined]
        .filter(Boolean)
        .join(" · "),
      media,
    }),
  },
});
