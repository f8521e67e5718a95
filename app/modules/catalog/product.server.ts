import { defineQuery } from "groq";
import { z } from "zod";
import { formatDate } from "../platform/shop-dates.server";
import type { ImageView, LayoutView, ProductCardView, RatingView } from "~/lib/catalog-types";
import { portableTextToHtml } from "~/modules/platform/portable-text.server";
import { offerOf, type Offer } from "~/lib/pricing";
import { listOf } from "../platform/typed-query.server";
import { cachedQuery, defaultCatalogContext } from "./context.server";
import { LAYOUT, rawLayout } from "./layout.server";
import {
  amount,
  CARD,
  fullImage,
  prepareCard,
  PUBLISHED_RATINGS,
  rawCard,
  rawImage,
  ratingOf,
  shareImage,
  text,
  toCard,
} from "./projections.server";

/** The product page: the product, its related products and the layout in one query. */

const PRODUCT_QUERY = defineQuery(`{
  ${LAYOUT},
  "product": *[_type == "product" && slug.current == $slug][0]{
    _id, title, "slug": slug.current, kind, accessDelivery, summary, description, features, tags, featured,
    price, promoPrice, promoEndsAt,
    "images": images[]{ "ref": asset._ref, alt },
    "faq": faq[]{ _key, question, answer },
    "category": category->{ title, "slug": slug.current },
    "related": *[_type == "product" && category._ref == ^.category._ref && _id != ^._id && defined(slug.current)]
      | order(featured desc, salesCount desc, _id asc)[0...4]{ ${CARD} },
    "ratings": ${PUBLISHED_RATINGS},
    "reviews": *[_type == "review" && status == "published" && product._ref == ^._id]
      | order(createdAt desc)[0...20]{ _id, rating, name, comment, verified, "createdAt": coalesce(createdAt, _createdAt) }
  }
}`);

const rawProduct = z.object({
  _id: z.string(),
  title: z.string(),
  slug: z.string(),
  kind: z.enum(["file", "access"]).catch("file"),
  accessDelivery: z
    .enum(["code", "manual"])
    .nullish()
    .transform((value) => value ?? null)
    .catch(null),
  summary: text,
  description: z.array(z.any()).nullish().catch(null),
  features: listOf(z.string(), "feature"),
  tags: listOf(z.string(), "tag"),
  featured: z.boolean().nullish().transform(Boolean),
  price: amount,
  promoPrice: amount.nullish().catch(null),
  promoEndsAt: text.catch(null),
  images: listOf(rawImage, "image").transform((images) => images.filter((image) => image !== null)),
  faq: listOf(z.object({ _key: z.string(), question: z.string(), answer: z.string() }), "FAQ entry"),
  category: z
    .object({ title: z.string(), slug: z.string() })
    .nullish()
    .transform((value) => value ?? null)
    .catch(null),
  related: listOf(rawCard, "product"),
  ratings: listOf(z.number().int().min(1).max(5), "rating"),
  reviews: listOf(
    z.object({
      _id: z.string(),
      rating: z.number().int().min(1).max(5),
      name: z.string(),
      comment: z
        .string()
        .nullish()
        .transform((value) => value ?? ""),
      verified: z.boolean().nullish().transform(Boolean),
      createdAt: z.string(),
    }),
    "review",
  ),
});

export interface ReviewView {
  id: string;
  rating: number;
  name: string;
  comment: string;
  verified: boolean;
  createdAt: string;
  /** « 3 novembre 2026 » in the shop's time zone, written here so that no phone loads ICU's locale data. */
  date: string;
}

export interface ProductView {
  id: string;
  slug: string;
  title: string;
  kind: "file" | "access";
  accessDelivery: "code" | "manual" | null;
  summary: string | null;
  descriptionHtml: string;
  features: string[];
  tags: string[];
  featured: boolean;
  images: ImageView[];
  /** For Open Graph and JSON-LD. */
  shareImage: string | null;
  faq: { key: string; question: string; answer: string }[];
  category: { title: string; slug: string } | null;
  offer: Offer;
  /** The promo's end as a date in the shop's zone (see `date` on reviews), when a promo holds. */
  promoEndDate: string | null;
  rating: RatingView | null;
  reviews: ReviewView[];
}

export interface ProductPage {
  layout: LayoutView;
  product: ProductView | null;
  related: ProductCardView[];
}

export async function getProductPage(slug: string, ctx = defaultCatalogContext()): Promise<ProductPage> {
  const parser = z.object({ layout: rawLayout, product: rawProduct.nullish() });
  const data = await cachedQuery(ctx, PRODUCT_QUERY, { slug }, parser, ({ layout, product }) => {
    if (!product) return { layout, product: null };
    const {
      _id,
      description,
      images: productImages,
      faq,
      related,
      price,
      promoPrice,
      promoEndsAt,
      ratings,
      reviews,
      ...rest
    } = product;
    return {
      layout,
      product: {
        ...rest,
        id: _id,
        descriptionHtml: portableTextToHtml(description),
        images: productImages.map((image) => fullImage(ctx.images, image, product.title)),
        shareImage: shareImage(ctx.images, productImages[0] ?? null),
        faq: faq.map(({ _key, ...entry }) => ({ key: _key, ...entry })),
        pricing: { price, promoPrice, promoEndsAt },
        related: related.map((card) => prepareCard(ctx.images, card)),
        rating: ratingOf(ratings),
        reviews: reviews.map(({ _id: id, ...review }) => ({
          id,
          ...review,
          date: formatDate(review.createdAt, layout.settings.timeZone),
        })),
      },
    };
  });
  if (!data.product) return { layout: data.layout, product: null, related: [] };
  const { pricing, related, ...product } = data.product;
  const offer = offerOf(pricing, ctx.now);
  const promoEndDate = offer.promoEndsAt ? formatDate(offer.promoEndsAt, data.layout.settings.timeZone) : null;
  return {
    layout: data.layout,
    product: { ...product, offer, promoEndDate },
    related: related.map((card) => toCard(card, ctx.now)),
  };
}
