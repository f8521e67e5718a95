import type { ImageUrlBuilder } from "@sanity/image-url";
import { z } from "zod";
import type { ImageView, ProductCardView, RatingView } from "~/lib/catalog-types";
import { offerOf, type PriceFields } from "~/lib/pricing";
import { listOf } from "../platform/typed-query.server";
import { defaultCatalogContext } from "./context.server";

/**
 * What every page query shares: the validation of what the lake returns (one malformed document is
 * dropped and logged, never the page), the GROQ projections of a product card and of a promo price,
 * and the preparation done once per cache fill (image URLs, ratings).
 */

export const text = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

export const amount = z.number().int().nonnegative();

/** An image field an editor left without an upload has no asset: it reads as no image. */
export const rawImage = z
  .object({
    ref: z
      .string()
      .regex(/^image-[A-Za-z0-9]+-\d+x\d+-[a-z0-9]+$/)
      .nullable(),
    alt: text,
  })
  .transform(({ ref, alt }) => (ref ? { ref, alt } : null));
export type RawImage = NonNullable<z.output<typeof rawImage>>;

export const rawCard = z.object({
  _id: z.string(),
  title: z.string(),
  slug: z.string(),
  summary: text,
  featured: z.boolean().nullish().transform(Boolean),
  price: amount,
  promoPrice: amount.nullish().catch(null),
  promoEndsAt: text.catch(null),
  image: rawImage.nullish().catch(null),
  ratings: listOf(z.number().int().min(1).max(5), "rating"),
});

export const PUBLISHED_RATINGS = `*[_type == "review" && status == "published" && product._ref == ^._id].rating`;

export const CARD = `_id, title, "slug": slug.current, summary, featured, price, promoPrice, promoEndsAt,
  "image": images[0]{ "ref": asset._ref, alt }, "ratings": ${PUBLISHED_RATINGS}`;

/** Header and footer data, embedded in every page query so that a page is one request. */

export const ACTIVE_PROMO = `promoPrice < price && dateTime(promoEndsAt) > dateTime($now)`;
export const EFFECTIVE_PRICE = `select(${ACTIVE_PROMO} => promoPrice, price)`;

function imageDimensions(ref: string): { width: number; height: number } {
  const match = /-(\d+)x(\d+)-[a-z0-9]+$/.exec(ref);
  return { width: Number(match?.[1] ?? 0), height: Number(match?.[2] ?? 0) };
}

const GALLERY_WIDTHS = [480, 720, 960, 1280];

/** The image at its own aspect ratio, never upscaled. */
export function fullImage(builder: ImageUrlBuilder, image: RawImage, fallbackAlt: string): ImageView {
  const { width, height } = imageDimensions(image.ref);
  const widths = GALLERY_WIDTHS.filter((w) => w < width)
    .concat(width)
    .slice(0, GALLERY_WIDTHS.length);
  const url = (w: number) => builder.image(image.ref).width(w).auto("format").url();
  const shown = Math.min(width, 960);
  return {
    src: url(shown),
    srcSet: widths.map((w) => `${url(w)} ${w}w`).join(", "),
    width: shown,
    height: Math.round((height * shown) / width),
    alt: image.alt ?? fallbackAlt,
  };
}

const THUMBNAIL_SIZE = 64;

/** A square crop for cart and checkout lines, sharp on 2× and 3× screens. */
export function thumbnailImage(
  image: { asset: { _ref: string } | null; alt?: string | null } | null,
  fallbackAlt: string,
  ctx = defaultCatalogContext(),
): ImageView | null {
  if (!image?.asset) return null;
  const url = (density: number) =>
    ctx.images
      .image(image.asset!._ref)
      .width(THUMBNAIL_SIZE * density)
      .height(THUMBNAIL_SIZE * density)
      .fit("crop")
      .auto("format")
      .url();
  return {
    src: url(2),
    srcSet: [1, 2, 3].map((density) => `${url(density)} ${density}x`).join(", "),
    width: THUMBNAIL_SIZE,
    height: THUMBNAIL_SIZE,
    alt: image.alt ?? fallbackAlt,
  };
}

/** Open Graph wants one image of a known size; JPEG is what every link preview reads. */
export function shareImage(builder: ImageUrlBuilder, image: RawImage | null): string | null {
  return image ? builder.image(image.ref).width(1200).height(630).fit("crop").format("jpg").url() : null;
}

/** Published reviews only; the average has one decimal. */
export function ratingOf(ratings: number[]): RatingView | null {
  if (!ratings.length) return null;
  const average = Math.round((ratings.reduce((sum, value) => sum + value, 0) * 10) / ratings.length) / 10;
  return { average, count: ratings.length };
}

export type PreparedCard = Omit<ProductCardView, "offer"> & { pricing: PriceFields };

export function prepareCard(builder: ImageUrlBuilder, card: z.output<typeof rawCard>): PreparedCard {
  return {
    id: card._id,
    slug: card.slug,
    title: card.title,
    summary: card.summary,
    featured: card.featured,
    // The card writes the crop's addresses (lib/card-image.ts); its picture is decorative (alt="").
    image: card.image ? { url: builder.image(card.image.ref).url() } : null,
    rating: ratingOf(card.ratings),
    pricing: { price: card.price, promoPrice: card.promoPrice, promoEndsAt: card.promoEndsAt },
  };
}

export function toCard({ pricing, ...card }: PreparedCard, now: Date): ProductCardView {
  return { ...card, offer: offerOf(pricing, now) };
}
