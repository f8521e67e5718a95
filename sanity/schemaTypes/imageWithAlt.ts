import { defineField } from "sanity";

// Every image the shop shows needs alt text: shoppers on slow data often see the text before the picture.
export const altField = defineField({
  name: "alt",
  title: "Texte alternatif",
  type: "string",
  description: "Décrit l'image pour les lecteurs d'écran et quand elle ne se charge pas.",
  validation: (rule) => rule.required().min(5).max(160),
});
