import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createClient, type SanityClient } from "@sanity/client";
import { createImageUrlBuilder } from "@sanity/image-url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLake, type RunningLake } from "../../sandbox/lake/server";
import { PAGE_SIZE, type CatalogFilters } from "~/lib/catalog-filters";
import { effectivePrice } from "~/lib/pricing";
import { type CatalogContext } from "~/modules/catalog/context.server";
import { getHomePage } from "~/modules/catalog/home.server";
import { getLayout } from "~/modules/catalog/layout.server";
import { getCatalogPage } from "~/modules/catalog/listing.server";
import { getCmsPage, getSitemapEntries } from "~/modules/catalog/pages.server";
import { getProductPage } from "~/modules/catalog/product.server";
import { createContentCache, type ContentCache } from "~/modules/platform/content-cache.server";

/**
 * The catalogue's queries against a real lake seeded with the demo catalogue, over HTTP with the
 * real @sanity/client. Expectations are checked against the lake's own data (fetched with plain
 * GROQ), so they hold whatever the seed's details.
 */
const TOKEN = "catalog-test-token-0123456789";
const NOW = new Date("2026-11-23T12:00:00Z");

let lake: RunningLake;
let dataDir: string;
let client: SanityClient;

interface RawProduct {
  _id: string;
  slug: string;
  title: string;
  summary: string | null;
  tags: string[] | null;
  category: string;
  price: number;
  promoPrice: number | null;
  promoEndsAt: string | null;
  publishedAt: string;
  salesCount: number | null;
}
let products: RawProduct[];

function context(now = NOW, cache = createContentCache({ ttlMs: 60_000 })): CatalogContext {
  const images = createImageUrlBuilder({ projectId: "demo", dataset: "production", baseUrl: lake.url });
  return { client, cache, images, now };
}

function filters(overrides: Partial<CatalogFilters> = {}): CatalogFilters {
  return { onSale: false, sort: "nouveautes", page: 1, ...overrides };
}

async function allPages(f: Partial<CatalogFilters>, ctx = context()) {
  const first = await getCatalogPage(filters(f), ctx);
  const rest = [];
  for (let page = 2; page <= first.pageCount; page++) rest.push(await getCatalogPage(filters({ ...f, page }), ctx));
  return { total: first.total, items: [first, ...rest].flatMap((p) => p.items) };
}

const bySlug = (slug: string) => products.find((p) => p.slug === slug)!;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "ashtech-catalog-"));
  lake = await startLake({ port: 0, dataDir, token: TOKEN, seedDir: path.resolve("sanity/seed") });
  client = createClient({
    projectId: "demo",
    dataset: "production",
    apiVersion: "2025-02-19",
    useCdn: false,
    token: TOKEN,
    apiHost: lake.url,
    useProjectHostname: false,
    perspective: "published",
  });
  products = await client.fetch(`*[_type == "product"]{
    _id, "slug": slug.current, title, summary, tags, "category": category->slug.current,
    price, promoPrice, promoEndsAt, publishedAt, salesCount
  }`);
});

afterAll(async () => {
  await lake?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("home page", () => {
  it("brings settings, categories with their products, featured products and the banner in one request", async () => {
    const ctx = context();
    const home = await getHomePage(ctx);
    expect(ctx.cache.loads).toBe(1);
    expect(home.layout.settings.shopName).toBe("ASHTECH STORE");
    expect(home.layout.settings.currency).toBe("XAF");
    expect(home.layout.pages.length).toBeGreaterThanOrEqual(5);
    expect(home.categories.length).toBe(home.layout.categories.length);
    expect(home.categories.reduce((sum, c) => sum + c.productCount, 0)).toBe(products.length);
    for (const category of home.categories) {
      expect(category.products.length).toBe(Math.min(4, category.productCount));
      for (const card of category.products) expect(bySlug(card.slug).category).toBe(category.slug);
    }
    expect(home.featured.length).toBeGreaterThan(0);
    expect(home.featured.every((card) => card.featured)).toBe(true);
    expect(home.whyUs.length).toBeGreaterThan(0);
  });

  it("shows a promotion only between its start and its end", async () => {
    const promotions = await client.fetch<{ title: string; startsAt: string; endsAt: string }[]>(
      `*[_type == "promotion"] | order(startsAt asc){ title, startsAt, endsAt }`,
    );
    expect(promotions.length).toBeGreaterThan(0);
    for (const promotion of promotions) {
      const during = new Date((Date.parse(promotion.startsAt) + Date.parse(promotion.endsAt)) / 2);
      const overlapping = promotions.filter(
        (p) => Date.parse(p.startsAt) <= during.getTime() && during.getTime() < Date.parse(p.endsAt),
      );
      if (overlapping.length === 1) expect((await getHomePage(context(during))).promotion?.title).toBe(promotion.title);
      const after = new Date(Date.parse(promotion.endsAt) + 1000);
      expect((await getHomePage(context(after))).promotion?.title).not.toBe(promotion.title);
      const before = new Date(Date.parse(promotion.startsAt) - 1000);
      expect((await getHomePage(context(before))).promotion?.title).not.toBe(promotion.title);
    }
  });

  it("when promotions overlap, shows the one that started last, then the earlier one again once it ends (decision 020)", async () => {
    const running = await client.fetch<{ title: string; startsAt: string; endsAt: string }>(
      `*[_type == "promotion" && dateTime(startsAt) <= dateTime($now) && dateTime(endsAt) > dateTime($now)][0]{ title, startsAt, endsAt }`,
      { now: NOW.toISOString() },
    );
    const startsAt = new Date(NOW.getTime() + 3_600_000);
    const endsAt = new Date(NOW.getTime() + 2 * 3_600_000);
    await client.createOrReplace({
      _id: "promotion-flash-overlap",
      _type: "promotion",
      title: "Vente flash superposée",
      text: "Une heure seulement.",
      linkLabel: "Voir",
      link: "/produits",
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    });
    try {
      const cache = createContentCache({ ttlMs: 10 * 365 * 86_400_000 });
      const at = (time: number) => getHomePage(context(new Date(time), cache)).then((home) => home.promotion?.title);
      expect(await at(startsAt.getTime() - 1000)).toBe(running.title);
      expect(await at(startsAt.getTime() + 1000)).toBe("Vente flash superposée");
      expect(await at(endsAt.getTime() + 1000)).toBe(running.title);
    } finally {
      await client.delete("promotion-flash-overlap");
    }
  });

  it("keeps the banner right from cached data as time passes", async () => {
    const promotion = await client.fetch<{ title: string; startsAt: string; endsAt: string }>(
      `*[_type == "promotion" && dateTime(endsAt) > dateTime($now)] | order(startsAt asc)[0]{ title, startsAt, endsAt }`,
      { now: NOW.toISOString() },
    );
    const cache = createContentCache({ ttlMs: 10 * 365 * 86_400_000 });
    const before = await getHomePage(context(new Date(Date.parse(promotion.startsAt) - 1000), cache));
    const during = await getHomePage(context(new Date(Date.parse(promotion.startsAt) + 1000), cache));
    expect(before.promotion?.title).not.toBe(promotion.title);
    expect(during.promotion?.title).toBe(promotion.title);
    expect(cache.loads).toBe(1);
  });
});

describe("catalogue", () => {
  it("pages through every product exactly once", async () => {
    const { total, items } = await allPages({});
    expect(total).toBe(products.length);
    expect(items.length).toBe(products.length);
    expect(new Set(items.map((i) => i.id)).size).toBe(products.length);
    const first = await getCatalogPage(filters(), context());
    expect(first.items.length).toBe(Math.min(PAGE_SIZE, products.length));
    expect(first.pageCount).toBe(Math.ceil(products.length / PAGE_SIZE));
  });

  it("answers an empty page past the end, with the real total", async () => {
    const page = await getCatalogPage(filters({ page: 99 }), context());
    expect(page.items).toEqual([]);
    expect(page.total).toBe(products.length);
  });

  it("filters by category", async () => {
    const layout = await getLayout(context());
    for (const category of layout.categories) {
      const page = await getCatalogPage(filters({ category: category.slug }), context());
      const expected = products.filter((p) => p.category === category.slug);
      expect(page.category?.title).toBe(category.title);
      expect(page.total).toBe(expected.length);
      expect(page.items.map((i) => i.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
    }
  });

  it("says when a category does not exist", async () => {
    const page = await getCatalogPage(filters({ category: "n-existe-pas" }), context());
    expect(page.unknownCategory).toBe(true);
    expect(page.total).toBe(0);
  });

  it("filters by price range on the price paid today", async () => {
    const [minPrice, maxPrice] = [2_000, 8_000];
    const { items } = await allPages({ minPrice, maxPrice });
    const expected = products.filter((p) => {
      const price = effectivePrice(p, NOW);
      return price >= minPrice && price <= maxPrice;
    });
    expect(items.map((i) => i.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
    expect(items.every((i) => i.offer.price >= minPrice && i.offer.price <= maxPrice)).toBe(true);
  });

  it("lists only promos that are running", async () => {
    const { items } = await allPages({ onSale: true });
    const expected = products.filter((p) => effectivePrice(p, NOW) < p.price);
    expect(expected.length).toBeGreaterThan(0);
    expect(products.some((p) => p.promoPrice !== null && effectivePrice(p, NOW) === p.price)).toBe(true);
    expect(items.map((i) => i.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
    expect(items.every((i) => i.offer.listPrice !== null && i.offer.discountPercent! > 0)).toBe(true);
  });

  it("sorts by newest, popularity and price", async () => {
    const newest = (await allPages({ sort: "nouveautes" })).items.map((i) => bySlug(i.slug).publishedAt);
    expect(newest).toEqual([...newest].sort().reverse());

    const popular = (await allPages({ sort: "populaires" })).items.map((i) => bySlug(i.slug).salesCount ?? 0);
    expect(popular).toEqual([...popular].sort((a, b) => b - a));

    const ascending = (await allPages({ sort: "prix-croissant" })).items.map((i) => i.offer.price);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    const descending = (await allPages({ sort: "prix-decroissant" })).items.map((i) => i.offer.price);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
  });

  it("searches titles, summaries and tags, every word as a prefix, case-insensitively", async () => {
    const tagged = products.find((p) => p.tags?.length && !p.title.toLowerCase().includes(p.tags[0]!.toLowerCase()))!;
    const byTag = await allPages({ q: tagged.tags![0]!.toUpperCase() });
    expect(byTag.items.map((i) => i.slug)).toContain(tagged.slug);

    const chatgpt = await allPages({ q: "ChatGPT" });
    expect(chatgpt.total).toBeGreaterThan(0);
    for (const item of chatgpt.items) {
      const p = bySlug(item.slug);
      expect(`${p.title} ${p.summary} ${(p.tags ?? []).join(" ")}`.toLowerCase()).toContain("chatgpt");
    }

    const narrowed = await allPages({ q: "chatgpt entrepreneurs" });
    expect(narrowed.total).toBeGreaterThan(0);
    expect(narrowed.total).toBeLessThan(chatgpt.total);

    const prefix = await allPages({ q: "format" });
    expect(prefix.items.some((i) => /formation/i.test(i.title))).toBe(true);

    expect((await allPages({ q: "xylophone-introuvable" })).total).toBe(0);
  });

  it("finds every product by its exact title, apostrophes, accents and punctuation included", async () => {
    const missed: string[] = [];
    for (const product of products) {
      const found = await allPages({ q: product.title });
      if (!found.items.some((item) => item.slug === product.slug)) missed.push(product.title);
    }
    expect(missed).toEqual([]);
    // Phones type a typographic apostrophe: the same title must be found.
    const elided = products.find((p) => p.title.includes("'"))!;
    const typed = await allPages({ q: elided.title.replaceAll("'", "\u2019") });
    expect(typed.items.map((i) => i.slug)).toContain(elided.slug);
  });

  it("shows on each card the average of the product's published reviews", async () => {
    const published = await client.fetch<{ product: string; rating: number }[]>(
      `*[_type == "review" && status == "published"]{ "product": product._ref, rating }`,
    );
    expect(published.length).toBeGreaterThan(0);
    const items = (await allPages({})).items;
    for (const item of items) {
      const ratings = published.filter((review) => review.product === item.id).map((review) => review.rating);
      if (!ratings.length) expect(item.rating).toBeNull();
      else
        expect(item.rating).toEqual({
          average: Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10,
          count: ratings.length,
        });
    }
    expect(items.filter((item) => item.rating).length).toBe(new Set(published.map((review) => review.product)).size);
  });

  it("combines search, category, promo and sort in one query", async () => {
    const ctx = context();
    const page = await getCatalogPage(filters({ q: "formation", category: "formations", sort: "prix-croissant" }), ctx);
    expect(ctx.cache.loads).toBe(1);
    expect(page.items.every((i) => bySlug(i.slug).category === "formations")).toBe(true);
    expect(page.items.map((i) => i.offer.price)).toEqual(page.items.map((i) => i.offer.price).sort((a, b) => a - b));
  });
});

describe("promo expiry", () => {
  it("stops a promo at its end date, from the same cached data, and leaves the promo listing", async () => {
    const promo = products
      .filter(
        (p) =>
          p.promoPrice !== null && p.promoPrice < p.price && p.promoEndsAt && Date.parse(p.promoEndsAt) > NOW.getTime(),
      )
      .sort((a, b) => Date.parse(a.promoEndsAt!) - Date.parse(b.promoEndsAt!))[0]!;
    const end = Date.parse(promo.promoEndsAt!);
    const justBefore = new Date(end - 60_000);
    const justAfter = new Date(end + 1_000);
    const cache = createContentCache({ ttlMs: 10 * 365 * 86_400_000 });

    const before = await getProductPage(promo.slug, context(justBefore, cache));
    expect(before.product?.offer).toMatchObject({ price: promo.promoPrice, listPrice: promo.price });
    const after = await getProductPage(promo.slug, context(justAfter, cache));
    expect(after.product?.offer).toEqual({
      price: promo.price,
      listPrice: null,
      discountPercent: null,
      promoEndsAt: null,
    });

    const listedBefore = await getCatalogPage(filters({ onSale: true }), context(justBefore, cache));
    expect(listedBefore.items.map((i) => i.slug)).toContain(promo.slug);
    const loadsBefore = cache.loads;
    const listedAfter = await getCatalogPage(filters({ onSale: true }), context(justAfter, cache));
    expect(listedAfter.items.map((i) => i.slug)).not.toContain(promo.slug);
    // The listing knew it would change at the promo's end and was fetched again; the product page was not.
    expect(cache.loads).toBe(loadsBefore + 1);
  });
});

describe("product page", () => {
  it("brings the product, its related products and the layout, and nothing private", async () => {
    const ctx = context();
    const slug = products.find((p) => p.category === "formations")!.slug;
    const page = await getProductPage(slug, ctx);
    expect(ctx.cache.loads).toBe(1);
    const product = page.product!;
    expect(product.slug).toBe(slug);
    expect(product.images.length).toBeGreaterThan(0);
    expect(product.images[0]!.srcSet.split(", ").length).toBeGreaterThan(1);
    expect(product.images[0]!.src).toMatch(new RegExp(`^${lake.url}/images/demo/production/.+auto=format`));
    expect(product.descriptionHtml).toMatch(/<p>/);
    expect(product.features.length).toBeGreaterThan(0);
    expect(page.related.length).toBeGreaterThan(0);
    expect(page.related.every((card) => card.slug !== slug && bySlug(card.slug).category === "formations")).toBe(true);
    const serialized = JSON.stringify(page);
    expect(serialized).not.toMatch(/deliverables|file-[0-9a-f]{10,}|\.pdf/);
  });

  it("serves a resized cover from the lake's image endpoint", async () => {
    const page = await getProductPage(products[0]!.slug, context());
    const response = await fetch(page.product!.images[0]!.src, { headers: { accept: "image/webp" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^image\//);
  });

  it("answers null for an unknown product", async () => {
    const page = await getProductPage("n-existe-pas", context());
    expect(page.product).toBeNull();
    expect(page.layout.settings.shopName).toBe("ASHTECH STORE");
  });
});

describe("CMS pages and sitemap", () => {
  it("renders a page's Portable Text to HTML", async () => {
    const page = await getCmsPage("a-propos", context());
    expect(page.page?.title).toBe("À propos");
    expect(page.page?.bodyHtml).toMatch(/<h2>.+<\/h2>/);
    expect(page.page?.bodyHtml).toMatch(/<strong>/);
    expect((await getCmsPage("n-existe-pas", context())).page).toBeNull();
  });

  it("lists every product, category and page", async () => {
    const entries = await getSitemapEntries(context());
    expect(entries.products.length).toBe(products.length);
    expect(entries.categories.length).toBe(5);
    expect(entries.pages.length).toBeGreaterThanOrEqual(5);
  });
});

/** The cache, with a way to wait for the loads it started (a background refresh among them) to end. */
function trackedCache(ttlMs: number): ContentCache & { loadsEnded(): Promise<unknown> } {
  const cache = createContentCache({ ttlMs });
  const started: Promise<unknown>[] = [];
  return {
    get: (key, load, options) =>
      cache.get(
        key,
        () => {
          const loading = load();
          started.push(loading.catch(() => undefined));
          return loading;
        },
        options,
      ),
    invalidate: () => cache.invalidate(),
    get loads() {
      return cache.loads;
    },
    loadsEnded: () => Promise.all(started),
  };
}

describe("content cache", () => {
  it("makes no lake request when warm, refreshes in the background when stale, and forgets on invalidation", async () => {
    const cache = trackedCache(60_000);
    const start = NOW.getTime();
    const requestsAtLake = lake.dataRequestCount();
    await getHomePage(context(new Date(start), cache));
    expect(cache.loads).toBe(1);
    for (let i = 0; i < 5; i++) await getHomePage(context(new Date(start + 30_000), cache));
    expect(cache.loads).toBe(1);
    expect(lake.dataRequestCount() - requestsAtLake).toBe(1);

    // Stale: served at once from the cache while one refresh runs.
    const stale = await getHomePage(context(new Date(start + 61_000), cache));
    expect(stale.layout.settings.shopName).toBe("ASHTECH STORE");
    expect(cache.loads).toBe(2);
    // Once the refresh has ended, its result is what the next view reads: no third load.
    await cache.loadsEnded();
    await getHomePage(context(new Date(start + 62_000), cache));
    expect(cache.loads).toBe(2);

    cache.invalidate();
    await getHomePage(context(new Date(start + 63_000), cache));
    expect(cache.loads).toBe(3);
  });

  it("serves the last good data when the lake fails", async () => {
    const cache = createContentCache({ ttlMs: 1 });
    const start = NOW.getTime();
    await getLayout(context(new Date(start), cache));
    const broken = createClient({ ...client.config(), apiHost: "http://127.0.0.1:9", maxRetries: 0 });
    const ctx = { ...context(new Date(start + 10_000), cache), client: broken };
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const layout = await getLayout(ctx);
    expect(layout.settings.shopName).toBe("ASHTECH STORE");
    await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.stringMatching(/serving stale data/)));
    logged.mockRestore();
  });
});
