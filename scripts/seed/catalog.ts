import type { CategorySeed, ProductSeed } from "./catalog-types";
import { abonnementsPremium } from "./products/abonnements-premium";
import { ebooksEtGuides } from "./products/e-books-et-guides";
import { formations } from "./products/formations";
import { intelligenceArtificielle } from "./products/intelligence-artificielle";
import { logicielsEtApplications } from "./products/logiciels-et-applications";

export const categories: CategorySeed[] = [
  {
    slug: "formations",
    title: "Formations",
    icon: "🎓",
    description:
      "Des formations pratiques, pas à pas, pour apprendre un métier du numérique et développer votre activité.",
    sortOrder: 10,
  },
  {
    slug: "intelligence-artificielle",
    title: "Intelligence Artificielle",
    icon: "🤖",
    description:
      "Guides et prompts pour mettre ChatGPT et les outils d'IA au service de votre travail et de votre business.",
    sortOrder: 20,
  },
  {
    slug: "abonnements-premium",
    title: "Abonnements premium",
    icon: "⭐",
    description:
      "Canva Pro, CapCut Pro, ChatGPT Plus et d'autres abonnements premium, payés en mobile money et activés pour vous.",
    sortOrder: 30,
  },
  {
    slug: "e-books-et-guides",
    title: "E-books et guides",
    icon: "📚",
    description:
      "E-books et modèles prêts à l'emploi : CV, lettres, idées de business, finances personnelles, langues.",
    sortOrder: 40,
  },
  {
    slug: "logiciels-et-applications",
    title: "Logiciels et applications",
    icon: "💻",
    description: "Licences de logiciels et d'applications livrées par code, ou installées à distance par notre équipe.",
    sortOrder: 50,
  },
];

export const products: ProductSeed[] = [
  ...formations,
  ...intelligenceArtificielle,
  ...abonnementsPremium,
  ...ebooksEtGuides,
  ...logicielsEtApplications,
];

/** The delivery question every buyer asks, answered to match how the product is delivered. */
export function deliveryFaq(product: ProductSeed): [string, string] {
  if (product.kind === "file") {
    return product.price === 0
      ? [
          "Comment vais-je recevoir le fichier ?",
          "Indiquez votre e-mail : le lien de téléchargement s'affiche aussitôt et vous est envoyé par e-mail. Vous le retrouvez aussi dans « Mes commandes ».",
        ]
      : [
          "Comment vais-je recevoir le fichier ?",
          "Dès que votre paiement mobile money est confirmé, le lien de téléchargement s'affiche sur la page de votre commande et vous est envoyé par e-mail. Vous le retrouvez à tout moment dans « Mes commandes ».",
        ];
  }
  return product.accessDelivery === "code"
    ? [
        "Quand vais-je recevoir mon code ?",
        "Immédiatement après la confirmation du paiement : le code s'affiche sur la page de votre commande et vous est envoyé par e-mail, avec la marche à suivre pour l'activer.",
      ]
    : [
        "Sous quel délai mon accès est-il activé ?",
        "Notre équipe active votre accès à la main, en général en moins de 2 heures (de 8 h à 21 h, heure de Douala). Nous vous écrivons sur WhatsApp dès que c'est fait.",
      ];
}
