import type { LayoutView } from "~/lib/catalog-types";
import type { Seo } from "~/lib/seo";
import { getEnv } from "../platform/env.server";

/** The shop's public origin: PUBLIC_URL when set (behind a proxy it is the truth), else what the request says. */
export function siteOrigin(request: Request): string {
  const configured = getEnv().PUBLIC_URL;
  return (configured ? new URL(configured) : new URL(request.url)).origin;
}

export function absoluteUrl(request: Request, path: string): string {
  return new URL(path, siteOrigin(request)).href;
}

interface SeoInput {
  request: Request;
  layout: LayoutView;
  /** Page title without the shop name; omitted on the home page. */
  title?: string;
  description?: string | null;
  /** Canonical path with its meaningful query, e.g. "/produits?categorie=formations". */
  path: string;
  image?: string | null;
  type?: Seo["type"];
  noindex?: boolean;
}

const MAX_DESCRIPTION = 160;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= MAX_DESCRIPTION ? flat : `${flat.slice(0, MAX_DESCRIPTION - 1).replace(/\s+\S*$/, "")}…`;
}

export function buildSeo({
  request,
  layout,
  title,
  description,
  path,
  image = null,
  type = "website",
  noindex,
}: SeoInput): Seo {
  const { shopName, tagline, description: shopDescription } = layout.settings;
  return {
    title: title ? `${title} | ${shopName}` : tagline ? `${shopName} – ${tagline}` : shopName,
    description: clip(description || shopDescription || `${shopName} : produits numériques livrés immédiatement.`),
    canonical: absoluteUrl(request, path),
    // Link previews (WhatsApp, Facebook) look empty without an image: the shop's card by default.
    image: image ?? absoluteUrl(request, "/og-image.jpg"),
    type,
    ...(noindex ? { noindex } : {}),
  };
}

interface ProductForJsonLd {
  id: string;
  rating?: { average: number; count: number } | null;
  title: string;
  summary: string | null;
  shareImage: string | null;
  images: { src: string }[];
  category: { title: string } | null;
  offer: { price: number; promoEndsAt: string | null };
}

/** schema.org Product; `priceValidUntil` only when the price shown is a promo with an end. */
export function productJsonLd(product: ProductForJsonLd, canonical: string, settings: LayoutView["settings"]): object {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.summary ?? undefined,
    image: product.shareImage ? [product.shareImage, ...product.images.map((image) => image.src)] : undefined,
    sku: product.id,
    category: product.category?.title,
    brand: { "@type": "Brand", name: settings.shopName },
    ...(product.rating
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: product.rating.average,
            reviewCount: product.rating.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
    offers: {
      "@type": "Offer",
      url: canonical,
      price: product.offer.price,
      priceCurrency: settings.currency,
      availability: "https://schema.org/InStock",
      ...(product.offer.promoEndsAt ? { priceValidUntil: product.offer.promoEndsAt.slice(0, 10) } : {}),
      seller: { "@type": "Organization", name: settings.shopName },
    },
  };
}
