import { defineArrayMember, defineField, defineType } from "sanity";

type PoolCode = { code?: string; assignedTo?: string };

export const accessCodePool = defineType({
  name: "accessCodePool",
  title: "Stock de codes d'accès",
  type: "document",
  description: "Codes remis automatiquement, un par commande payée, pour un produit d'accès.",
  fields: [
    defineField({
      name: "product",
      title: "Produit",
      type: "reference",
      to: [{ type: "product" }],
      options: { filter: 'kind == "access"' },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "lowStockThreshold",
      title: "Seuil d'alerte",
      type: "number",
      description: "Le marchand reçoit un e-mail quand il ne reste que ce nombre de codes libres, ou moins. Vide : 3.",
      validation: (rule) => rule.integer().min(0).max(1000),
    }),
    defineField({
      name: "lowStockAlert",
      title: "Alerte de stock bas",
      type: "mailNotice",
      hidden: ({ value }) => !value,
    }),
    defineField({
      name: "codes",
      title: "Codes",
      type: "array",
      description: "Un code attribué à une commande ne doit plus être modifié ni supprimé.",
      of: [
        defineArrayMember({
          type: "object",
          name: "accessCode",
          title: "Code",
          fields: [
            defineField({
              name: "code",
              title: "Code ou identifiants",
              type: "string",
              validation: (rule) => rule.required().max(500),
            }),
            defineField({ name: "assignedTo", title: "Attribué à la commande", type: "string", readOnly: true }),
            defineField({ name: "assignedAt", title: "Attribué le", type: "datetime", readOnly: true }),
          ],
          preview: {
            select: { code: "code", assignedTo: "assignedTo" },
            prepare: ({ code, assignedTo }) => ({
              title: code,
              subtitle: assignedTo ? `Attribué : ${assignedTo}` : "Disponible",
            }),
          },
        }),
      ],
      validation: (rule) =>
        rule.custom((codes: PoolCode[] | undefined) => {
          const seen = new Set<string>();
          for (const { code } of codes ?? []) {
            if (!code) continue;
            if (seen.has(code)) return `Le code « ${code} » figure deux fois : il serait remis à deux acheteurs.`;
            seen.add(code);
          }
          return true;
        }),
    }),
  ],
  preview: {
    select: { product: "product.title", codes: "codes", media: "product.images.0" },
    prepare: ({ product, codes, media }) => {
      const list = (codes ?? []) as PoolCode[];
      const free = list.filter((entry) => !entry.assignedTo).length;
      return {
        title: product ?? "Produit à choisir",
        subtitle: `${free} disponible(s) sur ${list.length}${free === 0 ? " — stock vide" : ""}`,
        media,
      };
    },
  },
});
