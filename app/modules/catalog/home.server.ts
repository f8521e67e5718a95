import { defineQuery } from "groq";
import { z } from "zod";
import { formatDate } from "../platform/shop-dates.server";
import type { CategoryLink, LayoutView, ProductCardView, PromotionView } from "~/lib/catalog-types";
import { winningPromotion } from "~/lib/promotion-rule";
import { listOf } from "../platform/typed-query.server";
import { cachedQuery, defaultCatalogContext } from "./context.server";
import { LAYOUT, rawLayout } from "./layout.server";
import { ACTIVE_PROMO, CARD, prepareCard, rawCard, text, toCard } from "./projections.server";

/**
 * Four cards a row (ProductRow), « Voir tout » for the rest: every card is HTML a phone parses and
 * hydrates before it answers a tap. The promotions' row asks for more, as some may end while cached.
 */
const ROW_LENGTH = 4;

const HOME_QUERY = defineQuery(`{
  ${LAYOUT},
  "home": *[_type == "siteSettings" && _id == "siteSettings"][0]{ heroTitle, heroText, "whyUs": whyUs[]{ _key, title, text, icon } },
  "promotions": *[_type == "promotion" && dateTime(endsAt) > dateTime($now)] | order(startsAt desc)[0...20]{
    _id, _createdAt, title, text, linkLabel, link, startsAt, endsAt
  },
  "featured": *[_type == "product" && featured == true && defined(slug.current)] | order(publishedAt desc)[0...4]{ ${CARD} },
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
    "category",
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
function currentPromotion(
  promotions: z.output<typeof rawPromotion>[],
  now: Date,
  timeZone: string,
): PromotionView | null {
  const current = winningPromotion(promotions, now.getTime());
  return current
    ? {
        id: current._id,
        title: current.title,
        text: current.text,
        linkLabel: current.linkLabel,
        link: current.link,
        endsAt: current.endsAt,
        endDate: formatDate(current.endsAt, timeZone),
      }
    : null;
}

function nextPromotionStart(promotions: z.output<typeof rawPromotion>[], now: Date): string | null {
  const upcoming = promotions
    .map((promotion) => promotion.startsAt)
    .filter((start): start is string => !!start && Date.parse(start) > now.getTime());
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
    promotion: currentPromotion(data.promotions, ctx.now, data.layout.settings.timeZone),
    nextPromotionStart: nextPromotionStart(data.promotions, ctx.now),
    featured: data.featured.map((card) => toCard(card, ctx.now)),
    // Cached with the query: a promo that ended since is dropped here, not shown at its list price.
    onSale: data.onSale
      .map((card) => toCard(card, ctx.now))
      .filter((card) => card.offer.listPrice !== null)
      .slice(0, ROW_LENGTH),
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
