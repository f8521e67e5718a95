import type { CountryOffer } from "./mobile-money";
import type { Offer } from "./pricing";

/** What pages render: content as prepared by the server, prices already evaluated for this request. */
export interface ImageView {
  src: string;
  srcSet: string;
  width: number;
  height: number;
  alt: string;
}

export interface SiteSettingsView {
  shopName: string;
  tagline: string | null;
  description: string | null;
  currency: string;
  whatsappNumber: string | null;
  email: string | null;
  /** IANA zone the shop's dates are typed and shown in (« Réglages de la boutique »). */
  timeZone: string;
  socials: { facebook: string | null; instagram: string | null };
  paymentRouting: { preferredProvider: string | null; disabledWallets: string[] };
}

export interface CategoryLink {
  title: string;
  slug: string;
  icon: string | null;
}

export interface PageLink {
  title: string;
  slug: string;
}

export interface LayoutView {
  settings: SiteSettingsView;
  categories: CategoryLink[];
  pages: PageLink[];
  /** The routing table's countries and operators (modules/payments/routing.server.ts). */
  payment: { offers: CountryOffer[] };
}

/** Published reviews only; the average has one decimal. */
export interface RatingView {
  average: number;
  count: number;
}

export interface ProductCardView {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  featured: boolean;
  image: ImageView | null;
  rating: RatingView | null;
  offer: Offer;
}

export interface PromotionView {
  id: string;
  title: string;
  text: string | null;
  linkLabel: string | null;
  link: string | null;
  endsAt: string;
  /** `endsAt` as a date in the shop's zone, written by the server so that no phone loads ICU's locale data. */
  endDate: string;
}
