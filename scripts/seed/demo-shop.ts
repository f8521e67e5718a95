import { fr } from "./portable-text";

/**
 * What a newcomer needs to try the shop end to end: a discount code that works (named in the
 * README) and a few published reviews, so that product pages and cards show ratings.
 *
 * The reviews are honest demo data: written as moderated visitor reviews, never « Achat vérifié ».
 * The shop sets `verified` only when a review comes from a paid order's page (reviews.server.ts), and
 * the seed holds no orders, so none of these can claim a purchase.
 */
export const DEMO_DISCOUNT_CODE = "BIENVENUE10";

export function demoDiscountCodeDocs() {
  return [
    {
      _id: `discountCode-${DEMO_DISCOUNT_CODE.toLowerCase()}`,
      _type: "discountCode",
      code: DEMO_DISCOUNT_CODE,
      title: "Démo : bienvenue, 10 % sur tout le catalogue",
      active: true,
      kind: "percentage",
      value: 10,
      redemptionCount: 0,
    },
  ];
}

type ReviewSeed = { product: string; name: string; rating: 1 | 2 | 3 | 4 | 5; comment: string; createdAt: string };

const reviews: ReviewSeed[] = [
  {
    product: "500-prompts-chatgpt-prets-a-l-emploi",
    name: "Fatou N.",
    rating: 5,
    createdAt: "2026-11-02T09:14:00.000Z",
    comment: "Des prompts vraiment classés par métier : j'ai rédigé mes fiches produits en une soirée.",
  },
  {
    product: "500-prompts-chatgpt-prets-a-l-emploi",
    name: "Jean-Paul M.",
    rating: 4,
    createdAt: "2026-11-10T18:40:00.000Z",
    comment: "Très pratique. Quelques prompts se ressemblent, mais le lot vaut largement le prix.",
  },
  {
    product: "formation-complete-facebook-ads-2026",
    name: "Aminata K.",
    rating: 5,
    createdAt: "2026-10-21T12:05:00.000Z",
    comment: "Enfin une formation qui parle de budgets en F CFA ! Ma première campagne a tout de suite mieux marché.",
  },
  {
    product: "formation-complete-facebook-ads-2026",
    name: "Serge T.",
    rating: 4,
    createdAt: "2026-11-05T07:30:00.000Z",
    comment: "Clair et bien découpé. J'aurais aimé plus d'exemples pour les boutiques en ligne.",
  },
  {
    product: "pack-50-modeles-de-cv",
    name: "Mariam D.",
    rating: 5,
    createdAt: "2026-11-12T16:22:00.000Z",
    comment: "Modèles propres et faciles à modifier dans Word. J'ai décroché un entretien la semaine suivante.",
  },
  {
    product: "canva-pro-1-an",
    name: "Koffi A.",
    rating: 5,
    createdAt: "2026-11-15T10:48:00.000Z",
    comment: "Accès reçu en quelques minutes, tout fonctionne. Service sérieux.",
  },
  {
    product: "formation-excel-du-debutant-a-l-expert",
    name: "Brigitte O.",
    rating: 4,
    createdAt: "2026-11-18T20:11:00.000Z",
    comment: "Les tableaux croisés dynamiques enfin compris. Les fichiers d'exercices sont un vrai plus.",
  },
  {
    product: "kit-de-demarrage-ia-gratuit",
    name: "Ismaël B.",
    rating: 5,
    createdAt: "2026-11-20T08:02:00.000Z",
    comment: "Gratuit et pourtant très utile pour débuter avec l'IA. Merci !",
  },
];

export function demoReviewDocs() {
  return reviews.map((review, index) => ({
    _id: `review-demo-${index + 1}`,
    _type: "review",
    status: "published",
    product: { _type: "reference", _ref: `product-${review.product}` },
    rating: review.rating,
    name: review.name,
    comment: fr(review.comment),
    verified: false,
    createdAt: review.createdAt,
  }));
}
