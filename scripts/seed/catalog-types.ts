import type { RichText } from "./portable-text";

export type CategorySlug =
  | "formations"
  | "intelligence-artificielle"
  | "abonnements-premium"
  | "e-books-et-guides"
  | "logiciels-et-applications";

export type CategorySeed = {
  slug: CategorySlug;
  title: string;
  icon: string;
  description: string;
  sortOrder: number;
};

/** A PDF the buyer downloads; its pages are generated from these chapters. */
export type DeliverableSeed = { title: string; chapters: string[] };

export type ProductSeed = {
  slug: string;
  title: string;
  category: CategorySlug;
  /** F CFA, integer. */
  price: number;
  promoPrice?: number;
  promoEndsAt?: string;
  featured?: boolean;
  tags: string[];
  summary: string;
  description: RichText;
  features: string[];
  /** Product-specific questions; a delivery question matching the kind is appended. */
  faq: Array<[question: string, answer: string]>;
  salesCount: number;
  /** Day of publication, YYYY-MM-DD. */
  publishedOn: string;
  maxQuantity?: number;
  downloadLimit?: number;
  downloadValidityDays?: number;
} & (
  | { kind: "file"; files: [DeliverableSeed] | [DeliverableSeed, DeliverableSeed] }
  | {
      kind: "access";
      accessDelivery: "code" | "manual";
      /** What the buyer does with the code, shown with it on the order page and in the e-mails. */
      activationSteps?: RichText;
    }
);
