import type { SanityClient } from "@sanity/client";
import { createImageUrlBuilder, type ImageUrlBuilder } from "@sanity/image-url";
import { defineQuery } from "groq";
import { z } from "zod";
import { isTimeZone, SHOP_TIME_ZONE } from "~/lib/countdown";
import { routingTable } from "../payments/routing.server";
import { DEFAULT_SORT, PAGE_SIZE, SORTS, type CatalogueFilters, type Sort } from "~/lib/catalogue";
import type {
  CategoryLink,
  ImageView,
  LayoutView,
  ProductCardView,
  PromotionView,
  RatingView,
  SiteSettingsView,
} from "~/lib/catalog-types";
import { portableTextToHtml } from "~/lib/portable-text.server";
import { offerOf, type Offer, type PriceFields } from "~/lib/pricing";
import { winningPromotion } from "~/lib/promotion-rule";
import { getContentCache, type ContentCache } from "../platform/content-cache.server";
import { getEnv } from "../platform/env.server";
import { getSanityClient } from "../platform/sanity.server";
import { fetchParsed, listOf, type ParserFor, type TypedQuery } from "../platform/typed-query.server";

/**
 * The storefront's reads from the content lake: one GROQ query per page, each projecting only
 * public fields (never `deliverables`), validated once when it enters the cache and prepared there
 * (image URLs, Portable Text HTML). What depends on the clock (promo prices, the promotion banner)
 * is evaluated on every request from the cached data, so it is right without a deploy or a refetch.
 */
export interface CatalogContext {
  client: SanityClient;
  cache: ContentCache;
  images: ImageUrlBuilder;
  now: Date;
}

let images: ImageUrlBuilder | undefined;

export function defaultCatalogContext(now = new Date()): CatalogContext {
  const env = getEnv();
  images ??= createImageUrlBuilder({
    projectId: env.SANITY_PROJECT_ID,
    dataset: env.SANITY_DATASET,
    baseUrl: env.SANITY_IMAGE_BASE_URL,
  });
  return { client: getSanityClient(), cache: getContentCache(), images, now };
}

type Params = Record<string, string | number | boolean | string[] | null>;

/**
 * Runs a query through the cache: parsed (and checked against the schema, see typed-query.server.ts),
 * then prepared, once per fill. `$now` is passed to GROQ but kept out of the key: results that depend
 * on it say until when they hold.
 */
function cachedQuery<Query extends TypedQuery, Parser extends z.ZodType, T>(
  ctx: CatalogContext,
  query: Query,
  params: Params,
  parser: Parser & ParserFor<Query, Parser>,
  prepare: (parsed: z.output<Parser>) => T,
  validUntil?: (value: T) => number | undefined
): Promise<T> {
  const key = `${query}\n${JSON.stringify(params)}`;
  const now = ctx.now.getTime();
  const load = async () => prepare(await fetchParsed(ctx.client, query, { ...params, now: ctx.now.toISOString() }, parser));
  return ctx.cache.get(key, load, { now, validUntil });
}

// ---------------------------------------------------------------------------------------------
// Validation of what the lake returns. One malformed document is dropped (and logged), never the page.

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

const amount = z.number().int().nonnegative();

/** An image field an editor left without an upload has no asset: it reads as no image. */
const rawImage = z
  .object({
    ref: z
      .string()
      .regex(/^image-[A-Za-z0-9]+-\d+x\d+-[a-z0-9]+$/)
      .nullable(),
    alt: text,
  })
  .transform(({ ref, alt }) => (ref ? { ref, alt } : null));
type RawImage = NonNullable<z.output<typeof rawImage>>;

const rawCard = z.object({
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

const rawSettings = z.object({
  shopName: z.string().catch("ASHTECH STORE"),
  tagline: text,
  description: text,
  currency: z.string().catch("XAF"),
  whatsappNumber: text,
  email: text,
  timeZone: z
    .string()
    .refine(isTimeZone)
    .nullish()
    .catch(null)
    .transform((value) => value ?? SHOP_TIME_ZONE),
  socials: z
    .object({ facebook: text, instagram: text })
    .nullish()
    .transform((value) => ({ facebook: value?.facebook ?? null, instagram: value?.instagram ?? null })),
  paymentRouting: z
    .object({ preferredProvider: text, disabledWallets: z.array(z.string()).nullish().catch(null) })
    .nullish()
    .transform((value) => ({ preferredProvider: value?.preferredProvider ?? null, disabledWallets: value?.disabledWallets ?? [] })),
});

const DEFAULT_SETTINGS: SiteSettingsView = {
  shopName: "ASHTECH STORE",
  tagline: null,
  description: null,
  currency: "XAF",
  whatsappNumber: null,
  email: null,
  timeZone: SHOP_TIME_ZONE,
  socials: { facebook: null, instagram: null },
  paymentRouting: { preferredProvider: null, disabledWallets: [] },
};

const rawLayout = z.object({
  settings: rawSettings.nullish().transform((value): SiteSettingsView => value ?? DEFAULT_SETTINGS),
  categories: listOf(z.object({ title: z.string(), slug: z.string(), icon: text }), "category"),
  // GROQ orders by code point ("À propos" last); shoppers expect French alphabetical order.
  pages: listOf(z.object({ title: z.string(), slug: z.string() }), "page").transform((pages) =>
    pages.sort((a, b) => a.title.localeCompare(b.title, "fr"))
  ),
}).transform((layout): LayoutView => ({
  ...layout,
  // What the shop can take, country by country: every page that names operators reads this.
  payment: { offers: routingTable(layout.settings.currency, layout.settings.paymentRouting).offers },
}));

// ---------------------------------------------------------------------------------------------
// Projections shared by the page queries.

const PUBLISHED_RATINGS = `*[_type == "review" && status == "published" && product._ref == ^._id].rating`;

const CARD = `_id, title, "slug": slug.current, summary, featured, price, promoPrice, promoEndsAt,
  "image": images[0]{ "ref": asset._ref, alt }, "ratings": ${PUBLISHED_RATINGS}`;

/** Header and footer data, embedded in every page query so that a page is one request. */
const LAYOUT = `"layout": {
  "settings": *[_type == "siteSettings" && _id == "siteSettings"][0]{ shopName, tagline, description, currency, whatsappNumber, email, timeZone, socials, paymentRouting },
  "categories": *[_type == "category" && defined(slug.current)] | order(sortOrder asc, title asc){ title, "slug": slug.current, icon },
  "pages": *[_type == "page" && defined(slug.current)]{ title, "slug": slug.current }
}`;

const ACTIVE_PROMO = `promoPrice < price && dateTime(promoEndsAt) > dateTime($now)`;
const EFFECTIVE_PRICE = `select(${ACTIVE_PROMO} => promoPrice, price)`;

// ---------------------------------------------------------------------------------------------
// Preparation: done once per cache fill.

function imageDimensions(ref: string): { width: number; height: number } {
  const match = /-(\d+)x(\d+)-[a-z0-9]+$/.exec(ref);
  return { width: Number(match?.[1] ?? 0), height: Number(match?.[2] ?? 0) };
}

const CARD_WIDTHS = [240, 360, 480, 720];
const GALLERY_WIDTHS = [480, 720, 960, 1280];

/** A 4:3 crop for grids, so that cards line up whatever the editor uploaded. */
function cardImage(builder: ImageUrlBuilder, image: RawImage, fallbackAlt: string): ImageView {
  const url = (w: number) =>
    builder
      .image(image.ref)
      .width(w)
      .height(Math.round((w * 3) / 4))
      .fit("crop")
      .auto("format")
      .url();
  return {
    src: url(480),
    srcSet: CARD_WIDTHS.map((w) => `${url(w)} ${w}w`).join(", "),
    width: 480,
    height: 360,
    alt: image.alt ?? fallbackAlt,
  };
}

/** The image at its own aspect ratio, never upscaled. */
function fullImage(builder: ImageUrlBuilder, image: RawImage, fallbackAlt: string): ImageView {
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
  ctx = defaultCatalogContext()
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
function shareImage(builder: ImageUrlBuilder, image: RawImage | null): string | null {
  return image ? builder.image(image.ref).width(1200).height(630).fit("crop").format("jpg").url() : null;
}

/** Published reviews only; the average has one decimal. */
function ratingOf(ratings: number[]): RatingView | null {
  if (!ratings.length) return null;
  const average = Math.round((ratings.reduce((sum, value) => sum + value, 0) * 10) / ratings.length) / 10;
  return { average, count: ratings.length };
}

type PreparedCard = Omit<ProductCardView, "offer"> & { pricing: PriceFields };

function prepareCard(builder: ImageUrlBuilder, card: z.output<typeof rawCard>): PreparedCard {
  return {
    id: card._id,
    slug: card.slug,
    title: card.title,
    summary: card.summary,
    featured: card.featured,
    image: card.image ? cardImage(builder, card.image, card.title) : null,
    rating: ratingOf(card.ratings),
    pricing: { price: card.price, promoPrice: card.promoPrice, promoEndsAt: card.promoEndsAt },
  };
}

function toCard({ pricing, ...card }: PreparedCard, now: Date): ProductCardView {
  return { ...card, offer: offerOf(pricing, now) };
}

// ---------------------------------------------------------------------------------------------
// Layout alone: for pages that have no content of their own (cart stub, 404).

const LAYOUT_QUERY = defineQuery(`{ ${LAYOUT} }`);

export async function getLayout(ctx = defaultCatalogContext()): Promise<LayoutView> {
  const { layout } = await cachedQuery(ctx, LAYOUT_QUERY, {}, z.object({ layout: rawLayout }), (parsed) => parsed);
  return layout;
}

// ---------------------------------------------------------------------------------------------
// Home

const HOME_QUERY = defineQuery(`{
  ${LAYOUT},
  "home": *[_type == "siteSettings" && _id == "siteSettings"][0]{ heroTitle, heroText, "whyUs": whyUs[]{ _key, title, text, icon } },
  "promotions": *[_type == "promotion" && dateTime(endsAt) > dateTime($now)] | order(startsAt desc)[0...20]{
    _id, _createdAt, title, text, linkLabel, link, startsAt, endsAt
  },
  "featured": *[_type == "product" && featured == true && defined(slug.current)] | order(publishedAt desc)[0...8]{ ${CARD} },
  "onSale": *[_type == "product" && defined(slug.current) && ${ACTIVE_PROMO}] | order(dateTime(promoEndsAt) asc, _id asc)[0...8]{ ${CARD} },
  "categories": *[_type == "category" && defined(slug.current)] | order(sortOrder asc, title asc){
    title, "slug": slug.current, description, icon,
    "productCount": count(*[_type == "product" && category._ref == ^._id && defined(slug.current)]),
    "products": *[_type == "product" && category._ref == ^._id && defined(slug.current)]
      | order(featured desc, salesCount desc, _id asc)[0...4]{ ${CARD} }
  }
}`);

const rawPromotion = z.object({
  _id: z.string(),
  _createdAt: z.string(),
  title: z.string(),
  text,
  linkLabel: text,
  link: text,
  startsAt: z.string(),
  endsAt: z.string(),
});

const rawHome = z.object({
  layout: rawLayout,
  home: z
    .object({
      heroTitle: text,
      heroText: text,
      whyUs: listOf(z.object({ _key: z.string(), title: z.string(), text, icon: text }), "whyUs item"),
    })
    .nullish(),
  promotions: listOf(rawPromotion, "promotion"),
  featured: listOf(rawCard, "product"),
  onSale: listOf(rawCard, "product"),
  categories: listOf(
    z.object({
      title: z.string(),
      slug: z.string(),
      description: text,
      icon: text,
      productCount: z.number().int(),
      products: listOf(rawCard, "product"),
    }),
    "category"
  ),
});

export interface WhyUsItem {
  key: string;
  title: string;
  text: string | null;
  icon: string | null;
}

export interface HomeCategory extends CategoryLink {
  description: string | null;
  productCount: number;
  products: ProductCardView[];
}

export interface HomePage {
  layout: LayoutView;
  heroTitle: string;
  heroText: string | null;
  whyUs: WhyUsItem[];
  promotion: PromotionView | null;
  /** When the next scheduled promotion starts: the page changes then, so no cache keeps it past that. */
  nextPromotionStart: string | null;
  featured: ProductCardView[];
  /** Products whose promo price holds now, the soonest to end first. */
  onSale: ProductCardView[];
  categories: HomeCategory[];
}

/**
 * The banner shown now: among the promotions running (start ≤ now < end), the one that started last
 * (decision 020). The query keeps the promotions not yet over, latest start first, so one that starts
 * later takes over on its own, without a refetch.
 */
function currentPromotion(promotions: z.output<typeof rawPromotion>[], now: Date): PromotionView | null {
  const current = winningPromotion(promotions, now.getTime());
  return current
    ? {
        id: current._id,
        title: current.title,
        text: current.text,
        linkLabel: current.linkLabel,
        link: current.link,
        endsAt: current.endsAt,
      }
    : null;
}

function nextPromotionStart(promotions: z.output<typeof rawPromotion>[], now: Date): string | null {
  const upcoming = promotions.map((promotion) => promotion.startsAt).filter((start): start is string => !!start && Date.parse(start) > now.getTime());
  return upcoming.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
}

export async function getHomePage(ctx = defaultCatalogContext()): Promise<HomePage> {
  const data = await cachedQuery(ctx, HOME_QUERY, {}, rawHome, (parsed) => {
    return {
      ...parsed,
      featured: parsed.featured.map((card) => prepareCard(ctx.images, card)),
      onSale: parsed.onSale.map((card) => prepareCard(ctx.images, card)),
      categories: parsed.categories.map((category) => ({
        ...category,
        products: category.products.map((card) => prepareCard(ctx.images, card)),
      })),
    };
  });
  return {
    layout: data.layout,
    heroTitle: data.home?.heroTitle ?? `Bienvenue chez ${data.layout.settings.shopName}`,
    heroText: data.home?.heroText ?? null,
    whyUs: (data.home?.whyUs ?? []).map(({ _key, ...item }) => ({ key: _key, ...item })),
    promotion: currentPromotion(data.promotions, ctx.now),
    nextPromotionStart: nextPromotionStart(data.promotions, ctx.now),
    featured: data.featured.map((card) => toCard(card, ctx.now)),
    // Cached with the query: a promo that ended since is dropped here, not shown at its list price.
    onSale: data.onSale.map((card) => toCard(card, ctx.now)).filter((card) => card.offer.listPrice !== null),
    categories: data.categories.map((category) => ({
      title: category.title,
      slug: category.slug,
      icon: category.icon,
      description: category.description,
      productCount: category.productCount,
      products: category.products.map((card) => toCard(card, ctx.now)),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Catalogue: filters, sort, search and pagination in one query.

const positiveAmount = z.coerce.number().int().min(0).max(10_000_000);

const filtersSchema = z.object({
  categorie: z
    .string()
    .regex(/^[a-z0-9-]{1,96}$/)
    .optional()
    .catch(undefined),
  min: positiveAmount.optional().catch(undefined),
  max: positiveAmount.optional().catch(undefined),
  promo: z
    .string()
    .optional()
    .transform((value) => value === "1" || value === "on")
    .catch(false),
  tri: z.enum(Object.keys(SORTS) as [Sort, ...Sort[]]).catch(DEFAULT_SORT),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => value || undefined)
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000).catch(1),
});

/** Reads the catalogue's URL; anything malformed falls back to its default rather than failing the page. */
export function parseCatalogueFilters(search: URLSearchParams): CatalogueFilters {
  const read = (name: string) => search.get(name) ?? undefined;
  const parsed = filtersSchema.parse({
    categorie: read("categorie"),
    min: read("min") || undefined,
    max: read("max") || undefined,
    promo: read("promo"),
    tri: read("tri"),
    q: read("q"),
    page: read("page") ?? 1,
  });
  return {
    category: parsed.categorie,
    minPrice: parsed.min,
    maxPrice: parsed.max,
    onSale: parsed.promo,
    sort: parsed.tri,
    q: parsed.q,
    page: parsed.page,
  };
}

/**
 * Each word of the search becomes a prefix pattern; GROQ's `match` needs every pattern to match.
 * GROQ keeps an elided word whole (`l'emploi` is one token), so the apostrophe stays inside the
 * word, as a wildcard: a phone's typographic apostrophe (’) then finds the title's straight one.
 */
function searchTerms(q: string): string[] {
  return q
    .toLocaleLowerCase("fr")
    .split(/[^\p{L}\p{N}'’ʼ]+/u)
    .map((word) => word.replace(/^['’ʼ]+|['’ʼ]+$/gu, "").replace(/['’ʼ]+/gu, "*"))
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => `${word}*`);
}

/** Who matches the filters; a missing filter is a null parameter, so the query text never varies. */
const CATALOGUE_MATCH = `_type == "product" && defined(slug.current)
  && (!defined($category) || category._ref in *[_type == "category" && slug.current == $category]._id)
  && (count($terms) == 0 || [title, summary, ...tags] match $terms)
  && (!$onSale || ${ACTIVE_PROMO})`;

const CATALOGUE_PRICE_RANGE = `(!defined($minPrice) || effectivePrice >= $minPrice) && (!defined($maxPrice) || effectivePrice <= $maxPrice)`;

/** A sort key that is null for every product but one sort's ties them all, so each sort reads its own keys. */
const CATALOGUE_ORDER = `select($sort == "prix-croissant" => effectivePrice) asc,
  select($sort == "prix-decroissant" => effectivePrice) desc,
  select($sort == "populaires" => salesCount) desc,
  publishedAt desc, _id asc`;

const CATALOGUE_QUERY = defineQuery(`{
  ${LAYOUT},
  "category": *[_type == "category" && slug.current == $category][0]{ title, "slug": slug.current, description },
  "nextPromoEnd": *[_type == "product" && ${ACTIVE_PROMO}] | order(dateTime(promoEndsAt) asc)[0].promoEndsAt,
  "total": count(*[${CATALOGUE_MATCH}]{ "effectivePrice": ${EFFECTIVE_PRICE} }[${CATALOGUE_PRICE_RANGE}]),
  "items": *[${CATALOGUE_MATCH}]{ ${CARD}, publishedAt, salesCount, "effectivePrice": ${EFFECTIVE_PRICE} }[${CATALOGUE_PRICE_RANGE}]
    | order(${CATALOGUE_ORDER})[$start...$end]
}`);

/** Shoppers' values only ever travel as parameters. */
function catalogueParams(filters: CatalogueFilters): Params {
  const start = (filters.page - 1) * PAGE_SIZE;
  return {
    category: filters.category ?? null,
    terms: filters.q ? searchTerms(filters.q) : [],
    onSale: filters.onSale,
    minPrice: filters.minPrice ?? null,
    maxPrice: filters.maxPrice ?? null,
    sort: filters.sort,
    start,
    end: start + PAGE_SIZE,
  };
}

const rawCatalogue = z.object({
  layout: rawLayout,
  category: z.object({ title: z.string(), slug: z.string(), description: text }).nullish(),
  nextPromoEnd: text.catch(null),
  total: z.number().int(),
  items: listOf(rawCard, "product"),
});

export interface CataloguePage {
  layout: LayoutView;
  filters: CatalogueFilters;
  category: { title: string; slug: string; description: string | null } | null;
  /** The category asked for in the URL does not exist. */
  unknownCategory: boolean;
  total: number;
  pageCount: number;
  items: ProductCardView[];
}

export async function getCataloguePage(
  filters: CatalogueFilters,
  ctx = defaultCatalogContext()
): Promise<CataloguePage> {
  const dependsOnTime = filters.onSale || filters.minPrice !== undefined || filters.maxPrice !== undefined || filters.sort.startsWith("prix-");
  const data = await cachedQuery(
    ctx,
    CATALOGUE_QUERY,
    catalogueParams(filters),
    rawCatalogue,
    (parsed) => ({ ...parsed, items: parsed.items.map((card) => prepareCard(ctx.images, card)) }),
    // Membership and order by price change when a promo ends: the result holds until the next end.
    (value) => (dependsOnTime && value.nextPromoEnd ? Date.parse(value.nextPromoEnd) : undefined)
  );
  return {
    layout: data.layout,
    filters,
    category: data.category ?? null,
    unknownCategory: Boolean(filters.category) && !data.category,
    total: data.total,
    pageCount: Math.max(1, Math.ceil(data.total / PAGE_SIZE)),
    items: data.items.map((card) => toCard(card, ctx.now)),
  };
}

// ---------------------------------------------------------------------------------------------
// Product page: the product, its related products and the layout in one query.

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
      comment: z.string().nullish().transform((value) => value ?? ""),
      verified: z.boolean().nullish().transform(Boolean),
      createdAt: z.string(),
    }),
    "review"
  ),
});

export interface ReviewView {
  id: string;
  rating: number;
  name: string;
  comment: string;
  verified: boolean;
  createdAt: string;
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
    const { _id, description, images: productImages, faq, related, price, promoPrice, promoEndsAt, ratings, reviews, ...rest } = product;
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
        reviews: reviews.map(({ _id: id, ...review }) => ({ id, ...review })),
      },
    };
  });
  if (!data.product) return { layout: data.layout, product: null, related: [] };
  const { pricing, related, ...product } = data.product;
  return {
    layout: data.layout,
    product: { ...product, offer: offerOf(pricing, ctx.now) },
    related: related.map((card) => toCard(card, ctx.now)),
  };
}

// ---------------------------------------------------------------------------------------------
// CMS pages

const PAGE_QUERY = defineQuery(`{
  ${LAYOUT},
  "page": *[_type == "page" && slug.current == $slug][0]{ title, "slug": slug.current, description, body }
}`);

export interface CmsPage {
  layout: LayoutView;
  page: { title: string; slug: string; description: string | null; bodyHtml: string } | null;
}

export async function getCmsPage(slug: string, ctx = defaultCatalogContext()): Promise<CmsPage> {
  const parser = z.object({
    layout: rawLayout,
    page: z
      .object({ title: z.string(), slug: z.string(), description: text, body: z.array(z.any()).nullish().catch(null) })
      .nullish(),
  });
  return cachedQuery(ctx, PAGE_QUERY, { slug }, parser, ({ layout, page }) => {
    return {
      layout,
      page: page
        ? { title: page.title, slug: page.slug, description: page.description, bodyHtml: portableTextToHtml(page.body) }
        : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Sitemap

const SITEMAP_QUERY = defineQuery(`{
  "products": *[_type == "product" && defined(slug.current)] | order(publishedAt desc){ "slug": slug.current, _updatedAt },
  "categories": *[_type == "category" && defined(slug.current)] | order(sortOrder asc){ "slug": slug.current, _updatedAt },
  "pages": *[_type == "page" && defined(slug.current)] | order(title asc){ "slug": slug.current, _updatedAt }
}`);

const sitemapEntry = z.object({ slug: z.string(), _updatedAt: text });

export interface SitemapEntries {
  products: { slug: string; updatedAt: string | null }[];
  categories: { slug: string; updatedAt: string | null }[];
  pages: { slug: string; updatedAt: string | null }[];
}

export async function getSitemapEntries(ctx = defaultCatalogContext()): Promise<SitemapEntries> {
  const parser = z.object({
    products: listOf(sitemapEntry, "product"),
    categories: listOf(sitemapEntry, "category"),
    pages: listOf(sitemapEntry, "page"),
  });
  return cachedQuery(ctx, SITEMAP_QUERY, {}, parser, (parsed) => {
    const entries = (list: z.output<typeof sitemapEntry>[]) =>
      list.map((e) => ({ slug: e.slug, updatedAt: e._updatedAt }));
    return { products: entries(parsed.products), categories: entries(parsed.categories), pages: entries(parsed.pages) };
  });
}
