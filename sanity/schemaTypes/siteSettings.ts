import { defineArrayMember, defineField, defineType } from "sanity";

const HEX_COLOUR = /^#[0-9A-Fa-f]{6}$/;

export const siteSettings = defineType({
  name: "siteSettings",
  title: "Réglages de la boutique",
  type: "document",
  fields: [
    defineField({
      name: "shopName",
      title: "Nom de la boutique",
      type: "string",
      validation: (rule) => rule.required().max(60),
    }),
    defineField({
      name: "tagline",
      title: "Slogan",
      type: "string",
      validation: (rule) => rule.required().max(120),
    }),
    defineField({
      name: "description",
      title: "Description (référencement)",
      type: "text",
      rows: 2,
      description: "Description par défaut pour Google et les partages ; 160 caractères au plus.",
      validation: (rule) => rule.required().max(160),
    }),
    defineField({
      name: "currency",
      title: "Devise",
      type: "string",
      options: {
        list: [
          { title: "F CFA (Afrique centrale, XAF)", value: "XAF" },
          { title: "F CFA (Afrique de l'Ouest, XOF)", value: "XOF" },
        ],
        layout: "radio",
      },
      initialValue: "XAF",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "whatsappNumber",
      title: "Numéro WhatsApp",
      type: "string",
      description: "Chiffres seulement, avec l'indicatif du pays et sans « + », ex. 237690000000.",
      validation: (rule) => rule.required().regex(/^[1-9]\d{7,14}$/, { name: "numéro international sans +" }),
    }),
    defineField({
      name: "email",
      title: "E-mail de contact",
      type: "string",
      validation: (rule) => rule.required().email(),
    }),
    defineField({
      name: "timeZone",
      title: "Fuseau horaire de la boutique",
      type: "string",
      description:
        "Toutes les dates (promotions, fins de promo) se saisissent et s'affichent à l'heure de ce fuseau, quel que soit le réglage de l'ordinateur.",
      options: {
        list: [
          { title: "Douala, Yaoundé, Libreville (UTC+1)", value: "Africa/Douala" },
          { title: "Lagos, Kinshasa (UTC+1)", value: "Africa/Lagos" },
          { title: "Abidjan, Dakar, Lomé (UTC+0)", value: "Africa/Abidjan" },
          { title: "Paris (UTC+1, heure d'été UTC+2)", value: "Europe/Paris" },
        ],
      },
      initialValue: "Africa/Douala",
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: "alertEmail",
      title: "E-mail des alertes",
      type: "string",
      description:
        "Reçoit un e-mail pour chaque commande à livrer à la main, chaque réclamation d'un client et chaque stock de codes bas. Vide : l'e-mail de contact.",
      validation: (rule) => rule.email(),
    }),
    defineField({
      name: "socials",
      title: "Réseaux sociaux",
      type: "object",
      fields: [
        defineField({ name: "facebook", title: "Page Facebook", type: "url" }),
        defineField({ name: "instagram", title: "Compte Instagram", type: "url" }),
      ],
    }),
    defineField({
      name: "brandColors",
      title: "Couleurs de la marque",
      type: "object",
      fields: [
        defineField({
          name: "primary",
          title: "Couleur principale",
          type: "string",
          initialValue: "#5D5CDE",
          validation: (rule) => rule.required().regex(HEX_COLOUR, { name: "couleur #RRGGBB" }),
        }),
        defineField({
          name: "secondary",
          title: "Couleur secondaire",
          type: "string",
          initialValue: "#F3C34D",
          validation: (rule) => rule.required().regex(HEX_COLOUR, { name: "couleur #RRGGBB" }),
        }),
      ],
    }),
    defineField({
      name: "heroTitle",
      title: "Titre de l'accueil",
      type: "string",
      validation: (rule) => rule.required().max(80),
    }),
    defineField({
      name: "heroText",
      title: "Texte de l'accueil",
      type: "text",
      rows: 3,
      validation: (rule) => rule.required().max(300),
    }),
    defineField({
      name: "whyUs",
      title: "« Pourquoi nous choisir ? »",
      type: "array",
      of: [
        defineArrayMember({
          type: "object",
          name: "reason",
          title: "Argument",
          fields: [
            defineField({
              name: "icon",
              title: "Icône (emoji)",
              type: "string",
              validation: (rule) => rule.required().max(8),
            }),
            defineField({
              name: "title",
              title: "Titre",
              type: "string",
              validation: (rule) => rule.required().max(60),
            }),
            defineField({
              name: "text",
              title: "Texte",
              type: "text",
              rows: 2,
              validation: (rule) => rule.required().max(200),
            }),
          ],
          preview: {
            select: { title: "title", icon: "icon", subtitle: "text" },
            prepare: ({ title, icon, subtitle }) => ({ title: icon ? `${icon} ${title ?? ""}` : title, subtitle }),
          },
        }),
      ],
      validation: (rule) => rule.max(6),
    }),
    defineField({
      name: "downloadLimit",
      title: "Téléchargements autorisés par fichier",
      type: "number",
      description: "Valeur par défaut ; un produit peut la remplacer.",
      initialValue: 5,
      validation: (rule) => rule.required().integer().min(1),
    }),
    defineField({
      name: "downloadValidityDays",
      title: "Validité des liens de téléchargement (jours)",
      type: "number",
      description: "Valeur par défaut ; un produit peut la remplacer.",
      initialValue: 30,
      validation: (rule) => rule.required().integer().min(1),
    }),
    defineField({
      name: "paymentRouting",
      title: "Paiement : pays, opérateurs et prestataire",
      type: "object",
      description:
        "La boutique propose chaque opérateur que ses prestataires de paiement (configurés avec leurs clés) savent encaisser dans chaque pays. Ici, vous pouvez en retirer et choisir le prestataire essayé en premier quand les deux servent le même opérateur.",
      fields: [
        defineField({
          name: "preferredProvider",
          title: "Prestataire préféré quand les deux servent",
          type: "string",
          options: {
            list: [
              { title: "Lygos Pay", value: "lygos" },
              { title: "Lengo Pay", value: "lengo" },
            ],
            layout: "radio",
          },
          initialValue: "lygos",
        }),
        defineField({
          name: "disabledWallets",
          title: "Pays ou opérateurs désactivés",
          type: "array",
          of: [defineArrayMember({ type: "string" })],
          description:
            "Code pays pour tout un pays (CM), ou pays et opérateur (CM:mtn, CI:orange-money, SN:wave). Opérateurs : mtn, orange-money, moov, wave, free, airtel, vodacom, m-pesa, tigo, halotel.",
          validation: (rule) =>
            rule
              .unique()
              .custom((values: string[] | undefined) =>
                (values ?? []).every((value) => /^[A-Z]{2}(:[a-z-]+)?$/.test(value))
                  ? true
                  : "Écrivez CM ou CM:mtn (pays en majuscules, opérateur en minuscules).",
              ),
        }),
      ],
    }),
  ],
  preview: {
    select: { title: "shopName" },
    prepare: ({ title }) => ({ title: title || "Réglages de la boutique", subtitle: "Réglages" }),
  },
});
