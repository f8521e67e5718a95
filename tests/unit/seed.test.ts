import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SEED_REFERENCE_DATE } from "../../scripts/seed/dates";

// Checks the committed demo catalogue (npm run seed:generate) against the shop's catalogue rules.
const SEED_DIR = path.resolve(import.meta.dirname, "../../sanity/seed");

type Doc = { _id: string; _type: string; [field: string]: unknown };
type Product = Doc & {
  title: string;
  slug: { current: string };
  kind: "file" | "access";
  accessDelivery?: string;
  category: { _ref: string };
  price: number;
  promoPrice?: number;
  promoEndsAt?: string;
  featured: boolean;
  tags: string[];
  summary: string;
  description: Array<Record<string, unknown>>;
  features: string[];
  faq: Array<{ _key: string; question: string; answer: string }>;
  images: Array<{ _type: string; _key: string; _sanityAsset: string; alt: string }>;
  deliverables?: Array<{ _type: string; _key: string; _sanityAsset: string; title: string }>;
  salesCount: number;
  publishedAt: string;
};

const docs: Doc[] = readFileSync(path.join(SEED_DIR, "data.ndjson"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Doc);
const byType = (type: string) => docs.filter((doc) => doc._type === type);
const products = byType("product") as Product[];
const now = Date.parse(SEED_REFERENCE_DATE);
const DAY = 24 * 60 * 60 * 1000;

/** Every object nested anywhere in a value, for reference, asset and _key checks. */
function* objects(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) {
    for (const item of value) yield* objects(item);
  } else if (value && typeof value === "object") {
    yield value as Record<string, unknown>;
    for (const child of Object.values(value)) yield* objects(child);
  }
}

function* arrays(value: unknown): Generator<unknown[]> {
  if (Array.isArray(value)) {
    yield value;
    for (const item of value) yield* arrays(item);
  } else if (value && typeof value === "object") {
    for (const child of Object.values(value)) yield* arrays(child);
  }
}

describe("demo catalogue seed", () => {
  it("has unique document ids following the data model's conventions", () => {
    const ids = docs.map((doc) => doc._id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const doc of docs) {
      if (doc._type === "siteSettings") expect(doc._id).toBe("siteSettings");
      else if (doc._type === "promotion") expect(doc._id).toMatch(/^promotion-[a-z0-9-]+$/);
      else if (doc._type === "discountCode") expect(doc._id).toBe(`discountCode-${String(doc.code).toLowerCase()}`);
      else if (doc._type === "review") expect(doc._id).toMatch(/^review-demo-\d+$/);
      else if (doc._type === "accessCodePool")
        expect(doc._id).toBe(`accessCodePool-${(doc.product as { _ref: string })._ref.slice("product-".length)}`);
      else expect(doc._id).toBe(`${doc._type}-${(doc.slug as { current: string }).current}`);
    }
  });

  it("has the five categories, each with products", () => {
    const categories = byType("category");
    expect(categories.map((c) => c.title)).toEqual([
      "Formations",
      "Intelligence Artificielle",
      "Abonnements premium",
      "E-books et guides",
      "Logiciels et applications",
    ]);
    for (const category of categories) {
      expect(products.filter((p) => p.category._ref === category._id).length).toBeGreaterThanOrEqual(5);
    }
  });

  it("has at least 36 products with unique slugs", () => {
    expect(products.length).toBeGreaterThanOrEqual(36);
    const slugs = products.map((p) => p.slug.current);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("prices whole F CFA amounts from 500 to 25 000, median around 5 000, exactly one free product", () => {
    for (const p of products) expect(Number.isInteger(p.price), p.title).toBe(true);
    const free = products.filter((p) => p.price === 0);
    expect(free).toHaveLength(1);
    const paid = products
      .filter((p) => p.price > 0)
      .map((p) => p.price)
      .sort((a, b) => a - b);
    expect(paid[0]).toBe(500);
    expect(paid.at(-1)).toBe(25000);
    const prices = products.map((p) => p.price).sort((a, b) => a - b);
    const median = prices[Math.floor(prices.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(4000);
    expect(median).toBeLessThanOrEqual(6000);
  });

  it("features about a third of the products", () => {
    const ratio = products.filter((p) => p.featured).length / products.length;
    expect(ratio).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(0.42);
  });

  it("has promos below the list price, each with an end date: one already ended, one ending within a week", () => {
    const promos = products.filter((p) => p.promoPrice !== undefined);
    expect(promos.length).toBeGreaterThanOrEqual(4);
    for (const p of promos) {
      expect(Number.isInteger(p.promoPrice), p.title).toBe(true);
      expect(p.promoPrice!, p.title).toBeLessThan(p.price);
      const discount = 1 - p.promoPrice! / p.price;
      expect(discount, p.title).toBeGreaterThanOrEqual(0.1);
      expect(discount, p.title).toBeLessThanOrEqual(0.3);
      expect(Number.isNaN(Date.parse(p.promoEndsAt!)), p.title).toBe(false);
    }
    for (const p of products.filter((p) => p.promoPrice === undefined)) expect(p.promoEndsAt, p.title).toBeUndefined();
    const ends = promos.map((p) => Date.parse(p.promoEndsAt!));
    expect(ends.some((end) => end < now)).toBe(true);
    expect(ends.some((end) => end > now && end - now <= 7 * DAY)).toBe(true);
    expect(ends.some((end) => end - now > 90 * DAY)).toBe(true);
  });

  it("gives every file product a deliverable and every access product a delivery mode", () => {
    for (const p of products) {
      if (p.kind === "file") {
        expect(p.deliverables?.length, p.title).toBeGreaterThanOrEqual(1);
        expect(p.deliverables!.length, p.title).toBeLessThanOrEqual(2);
        expect(p.accessDelivery, p.title).toBeUndefined();
        for (const d of p.deliverables!) expect(d.title.length, p.title).toBeGreaterThan(3);
      } else {
        expect(p.kind, p.title).toBe("access");
        expect(p.deliverables, p.title).toBeUndefined();
        expect(["code", "manual"], p.title).toContain(p.accessDelivery);
      }
    }
    expect(products.filter((p) => p.kind === "file").length).toBeGreaterThan(products.length / 2);
    const modes = new Set(products.filter((p) => p.kind === "access").map((p) => p.accessDelivery));
    expect(modes).toEqual(new Set(["code", "manual"]));
  });

  it("gives every product delivered by code numbered activation steps, and no file product any", () => {
    for (const p of products) {
      const steps = p.activationSteps as
        Array<{ _type: string; listItem?: string; children: { text: string }[] }> | undefined;
      if (p.kind !== "access" || p.accessDelivery !== "code") {
        expect(steps, p.title).toBeUndefined();
        continue;
      }
      const numbered = (steps ?? []).filter((block) => block._type === "block" && block.listItem === "number");
      expect(numbered.length, p.title).toBeGreaterThanOrEqual(3);
      for (const block of numbered)
        expect(block.children.map((span) => span.text).join("").length, p.title).toBeGreaterThan(15);
    }
  });

  it("gives every product the copy the product page shows", () => {
    for (const p of products) {
      expect(p.summary.length, p.title).toBeGreaterThan(40);
      expect(p.features.length, p.title).toBeGreaterThanOrEqual(4);
      expect(p.features.length, p.title).toBeLessThanOrEqual(7);
      expect(p.faq.length, p.title).toBeGreaterThanOrEqual(2);
      expect(p.faq.length, p.title).toBeLessThanOrEqual(4);
      expect(p.tags.length, p.title).toBeGreaterThan(0);
      expect(p.description.length, p.title).toBeGreaterThanOrEqual(1);
      expect(p.images[0]?.alt, p.title).toMatch(/\S{3}/);
      expect(Number.isInteger(p.salesCount) && p.salesCount >= 0, p.title).toBe(true);
      expect(Date.parse(p.publishedAt), p.title).toBeLessThanOrEqual(now);
    }
  });

  it("writes Portable Text with keys, markDefs and spans", () => {
    const richTexts = [...products.map((p) => p.description), ...byType("page").map((page) => page.body)];
    for (const blocks of richTexts) {
      for (const block of blocks as Array<Record<string, unknown>>) {
        expect(block._type).toBe("block");
        expect(typeof block._key).toBe("string");
        expect(Array.isArray(block.markDefs)).toBe(true);
        const markKeys = new Set((block.markDefs as Array<{ _key: string }>).map((m) => m._key));
        for (const span of block.children as Array<Record<string, unknown>>) {
          expect(span._type).toBe("span");
          expect(typeof span._key).toBe("string");
          for (const mark of span.marks as string[]) {
            expect(["strong", "em"].includes(mark) || markKeys.has(mark)).toBe(true);
          }
        }
      }
    }
  });

  it("keys every array item of objects, uniquely within its array", () => {
    for (const doc of docs) {
      for (const array of arrays(doc)) {
        const items = array.filter((item) => item && typeof item === "object") as Array<{ _key?: string }>;
        if (items.length === 0) continue;
        const keys = items.map((item) => item._key);
        for (const key of keys) expect(typeof key, doc._id).toBe("string");
        expect(new Set(keys).size, doc._id).toBe(keys.length);
      }
    }
  });

  it("resolves every reference", () => {
    const ids = new Set(docs.map((doc) => doc._id));
    for (const doc of docs) {
      for (const object of objects(doc)) {
        if (object._type === "reference")
          expect(ids.has(object._ref as string), `${doc._id} -> ${object._ref}`).toBe(true);
      }
    }
  });

  it("points every _sanityAsset at a small file in the seed folder, images with alt text", () => {
    let count = 0;
    let total = 0;
    for (const doc of docs) {
      for (const object of objects(doc)) {
        const ref = object._sanityAsset;
        if (typeof ref !== "string") continue;
        const match = /^(image|file)@file:\/\/\.\/((?:images|files)\/[a-z0-9-]+\.(jpg|pdf))$/.exec(ref);
        expect(match, ref).not.toBeNull();
        const file = path.join(SEED_DIR, match![2]!);
        expect(existsSync(file), ref).toBe(true);
        const size = statSync(file).size;
        total += size;
        if (match![1] === "image") {
          expect(object._type).toBe("image");
          expect(object.alt, ref).toMatch(/\S{3}/);
          expect(size, ref).toBeLessThan(60 * 1024);
        } else {
          expect(object._type).toBe("file");
          expect(size, ref).toBeLessThan(30 * 1024);
          expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
        }
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(products.length);
    expect(total).toBeLessThan(5 * 1024 * 1024);
  });

  it("has the shop's settings, CMS pages and promotions", () => {
    const [settings] = byType("siteSettings");
    expect(settings).toMatchObject({
      shopName: "ASHTECH STORE",
      currency: "XAF",
      brandColors: { primary: "#5D5CDE", secondary: "#F3C34D" },
      heroTitle: "Bienvenue chez ASHTECH STORE",
      downloadLimit: 5,
      downloadValidityDays: 30,
    });
    expect(settings!.whatsappNumber).toMatch(/^237\d{9}$/);
    expect(settings!.whyUs).toHaveLength(4);

    expect(
      byType("page")
        .map((page) => (page.slug as { current: string }).current)
        .sort(),
    ).toEqual(["a-propos", "conditions-generales-de-vente", "contact", "faq", "politique-de-remboursement"]);

    const promotions = byType("promotion").map((p) => ({
      start: Date.parse(p.startsAt as string),
      end: Date.parse(p.endsAt as string),
    }));
    for (const p of promotions) expect(p.end).toBeGreaterThan(p.start);
    expect(promotions.filter((p) => p.start <= now && now < p.end)).toHaveLength(1);
    expect(promotions.some((p) => p.end < now)).toBe(true);
    expect(promotions.some((p) => p.start > now)).toBe(true);
  });

  it("has the working discount code the README names", () => {
    const codes = byType("discountCode");
    expect(codes.map((code) => code.code)).toEqual(["BIENVENUE10"]);
    const readme = readFileSync(path.resolve(SEED_DIR, "../../README.md"), "utf8");
    expect(readme).toContain("BIENVENUE10");
    // Valid now and for everything: no dates, no limits, no product or category restriction.
    expect(codes[0]).toMatchObject({ active: true, kind: "percentage", value: 10, redemptionCount: 0 });
    for (const field of [
      "startsAt",
      "endsAt",
      "maxRedemptions",
      "maxPerCustomer",
      "products",
      "categories",
      "minimumOrder",
    ]) {
      expect(codes[0]).not.toHaveProperty(field);
    }
  });

  it("has a few published reviews of existing products, none claiming a purchase (the seed has no orders)", () => {
    const reviews = byType("review");
    const productIds = new Set(products.map((product) => product._id));
    expect(reviews.length).toBeGreaterThanOrEqual(5);
    for (const review of reviews) {
      expect(review).toMatchObject({ status: "published", verified: false });
      expect(productIds.has((review.product as { _ref: string })._ref)).toBe(true);
      expect(review.rating).toBeGreaterThanOrEqual(1);
      expect(review.rating).toBeLessThanOrEqual(5);
    }
    expect(byType("order")).toEqual([]);
    // The delivery tests count the reviews of this guide from zero.
    expect(
      reviews.some(
        (review) => (review.product as { _ref: string })._ref === "product-guide-chatgpt-pour-entrepreneurs-africains",
      ),
    ).toBe(false);
  });
});
