import { defineQuery } from "groq";
import { z } from "zod";
import { DEFAULT_SORT, PAGE_SIZE, SORTS, type CatalogFilters, type Sort } from "~/lib/catalog-filters";
import type { LayoutView, ProductCardView } from "~/lib/catalog-types";
import { listOf } from "../platform/typed-query.server";
import { cachedQuery, defaultCatalogContext, type Params } from "./context.server";
import { LAYOUT, rawLayout } from "./layout.server";
import { ACTIVE_PROMO, CARD, EFFECTIVE_PRICE, prepareCard, rawCard, text, toCard } from "./projections.server";

/** The catalogue: filters, sort, search and pagination in one query. */

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
export function parseCatalogFilters(search: URLSearchParams): CatalogFilters {
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
const CATALOG_MATCH = `_type == "product" && defined(slug.current)
  && (!defined($category) || category._ref in *[_type == "category" && slug.current == $category]._id)
  && (count($terms) == 0 || [title, summary, ...tags] match $terms)
  && (!$onSale || ${ACTIVE_PROMO})`;

const CATALOG_PRICE_RANGE = `(!defined($minPrice) || effectivePrice >= $minPrice) && (!defined($maxPrice) || effectivePrice <= $maxPrice)`;

/** A sort key that is null for every product but one sort's ties them all, so each sort reads its own keys. */
const CATALOG_ORDER = `select($sort == "prix-croissant" => effectivePrice) asc,
  select($sort == "prix-decroissant" => effectivePrice) desc,
  select($sort == "populaires" => salesCount) desc,
  publishedAt desc, _id asc`;

const CATALOG_QUERY = defineQuery(`{
  ${LAYOUT},
  "category": *[_type == "category" && slug.current == $category][0]{ title, "slug": slug.current, description },
  "nextPromoEnd": *[_type == "product" && ${ACTIVE_PROMO}] | order(dateTime(promoEndsAt) asc)[0].promoEndsAt,
  "total": count(*[${CATALOG_MATCH}]{ "effectivePrice": ${EFFECTIVE_PRICE} }[${CATALOG_PRICE_RANGE}]),
  "items": *[${CATALOG_MATCH}]{ ${CARD}, publishedAt, salesCount, "effectivePrice": ${EFFECTIVE_PRICE} }[${CATALOG_PRICE_RANGE}]
    | order(${CATALOG_ORDER})[$start...$end]
}`);

/** Shoppers' values only ever travel as parameters. */
function catalogParams(filters: CatalogFilters): Params {
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

const rawCatalog = z.object({
  layout: rawLayout,
  category: z.object({ title: z.string(), slug: z.string(), description: text }).nullish(),
  nextPromoEnd: text.catch(null),
  total: z.number().int(),
  items: listOf(rawCard, "product"),
});

export interface CatalogPage {
  layout: LayoutView;
  filters: CatalogFilters;
  category: { title: string; slug: string; description: string | null } | null;
  /** The category asked for in the URL does not exist. */
  unknownCategory: boolean;
  total: number;
  pageCount: number;
  items: ProductCardView[];
}

export async function getCatalogPage(filters: CatalogFilters, ctx = defaultCatalogContext()): Promise<CatalogPage> {
  const dependsOnTime =
    filters.onSale ||
    filters.minPrice !== undefined ||
    filters.maxPrice !== undefined ||
    filters.sort.startsWith("prix-");
  const data = await cachedQuery(
    ctx,
    CATALOG_QUERY,
    catalogParams(filters),
    rawCatalog,
    (parsed) => ({ ...parsed, items: parsed.items.map((card) => prepareCard(ctx.images, card)) }),
    // Membership and order by price change when a promo ends: the result holds until the next end.
    (value) => (dependsOnTime && value.nextPromoEnd ? Date.parse(value.nextPromoEnd) : undefined),
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
