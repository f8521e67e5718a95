/**
 * Writes the demo catalogue in the format `sanity dataset import` reads:
 * sanity/seed/data.ndjson, with cover images in sanity/seed/images/ and sample PDFs in sanity/seed/files/,
 * referenced as `_sanityAsset: "image@file://./images/<name>.jpg"` relative to the seed folder.
 *
 * Deterministic: no clock, no randomness; running it twice gives identical files (same sharp/libvips build).
 * Promo end dates are fixed (see scripts/seed/dates.ts); tests that care about "now" pin their clock.
 *
 * Usage: npm run seed:generate
 */
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { accessCodePoolDocs } from "./seed/access-codes";
import { demoDiscountCodeDocs, demoReviewDocs } from "./seed/demo-shop";
import { categories, deliveryFaq, products } from "./seed/catalog";
import type { CategorySeed, ProductSeed } from "./seed/catalog-types";
import { bannerSvg, coverSvg, renderJpeg } from "./seed/covers";
import { renderDeliverablePdf } from "./seed/pdfs";
import { fr, keyMaker, toPortableText } from "./seed/portable-text";
import { pages, promotions, siteSettings } from "./seed/site";

const SEED_DIR = fileURLToPath(new URL("../sanity/seed/", import.meta.url));
const IMAGES_DIR = path.join(SEED_DIR, "images");
const FILES_DIR = path.join(SEED_DIR, "files");

type Doc = { _id: string; _type: string } & Record<string, unknown>;

const imageRef = (name: string) => `image@file://./images/${name}`;
const fileRef = (name: string) => `file@file://./files/${name}`;

async function writeImage(name: string, svg: string): Promise<string> {
  await writeFile(path.join(IMAGES_DIR, name), await renderJpeg(svg));
  return imageRef(name);
}

function categoryTitle(slug: string): string {
  const category = categories.find((c) => c.slug === slug);
  if (!category) throw new Error(`Unknown category ${slug}`);
  return category.title;
}

async function categoryDoc(category: CategorySeed): Promise<Doc> {
  const name = `categorie-${category.slug}.jpg`;
  const asset = await writeImage(
    name,
    coverSvg({ title: category.title, category: category.slug, categoryTitle: "Catégorie", seed: category.slug }),
  );
  return {
    _id: `category-${category.slug}`,
    _type: "category",
    title: category.title,
    slug: { _type: "slug", current: category.slug },
    description: fr(category.description),
    icon: category.icon,
    sortOrder: category.sortOrder,
    image: { _type: "image", _sanityAsset: asset, alt: `Illustration de la catégorie ${category.title}` },
  };
}

async function productDoc(product: ProductSeed): Promise<Doc> {
  const _id = `product-${product.slug}`;
  const nextKey = keyMaker(_id);
  const catTitle = categoryTitle(product.category);

  const coverName = `${product.slug}.jpg`;
  const cover = await writeImage(
    coverName,
    coverSvg({ title: product.title, category: product.category, categoryTitle: catTitle, seed: product.slug }),
  );

  // Sequential: keys come from a counter, so their order must not depend on which PDF renders first.
  const deliverables: Array<Record<string, string>> = [];
  if (product.kind === "file") {
    for (const [index, file] of product.files.entries()) {
      const name = index === 0 ? `${product.slug}.pdf` : `${product.slug}-bonus.pdf`;
      const pdf = await renderDeliverablePdf({ productTitle: product.title, categoryTitle: catTitle, file });
      await writeFile(path.join(FILES_DIR, name), pdf);
      deliverables.push({ _type: "file", _key: nextKey(), _sanityAsset: fileRef(name), title: fr(file.title) });
    }
  }

  const faq = [...product.faq, deliveryFaq(product)].map(([question, answer]) => ({
    _type: "faqItem",
    _key: nextKey(),
    question: fr(question),
    answer: fr(answer),
  }));

  const doc: Doc = {
    _id,
    _type: "product",
    title: product.title,
    slug: { _type: "slug", current: product.slug },
    kind: product.kind,
    ...(product.kind === "access" ? { accessDelivery: product.accessDelivery } : {}),
    category: { _type: "reference", _ref: `category-${product.category}` },
    price: product.price,
    ...(product.promoPrice !== undefined ? { promoPrice: product.promoPrice, promoEndsAt: product.promoEndsAt } : {}),
    featured: product.featured ?? false,
    tags: product.tags,
    summary: fr(product.summary),
    description: toPortableText(product.description, nextKey),
    features: product.features.map(fr),
    images: [
      {
        _type: "image",
        _key: nextKey(),
        _sanityAsset: cover,
        alt: `Couverture du produit « ${product.title} » (${catTitle})`,
      },
    ],
    ...(product.kind === "file" ? { deliverables } : {}),
    faq,
    salesCount: product.salesCount,
    publishedAt: `${product.publishedOn}T08:00:00.000Z`,
    ...(product.maxQuantity !== undefined ? { maxQuantity: product.maxQuantity } : {}),
    ...(product.downloadLimit !== undefined ? { downloadLimit: product.downloadLimit } : {}),
    ...(product.downloadValidityDays !== undefined ? { downloadValidityDays: product.downloadValidityDays } : {}),
  };
  // Keyed last, so that adding steps to a product leaves every earlier key of the seed as it was.
  if (product.kind === "access" && product.activationSteps)
    doc.activationSteps = toPortableText(product.activationSteps, nextKey);
  return doc;
}

function siteSettingsDoc(): Doc {
  const nextKey = keyMaker("siteSettings");
  return {
    _id: "siteSettings",
    _type: "siteSettings",
    ...siteSettings,
    tagline: fr(siteSettings.tagline),
    description: fr(siteSettings.description),
    heroText: fr(siteSettings.heroText),
    whyUs: siteSettings.whyUs.map((reason) => ({
      _type: "reason",
      _key: nextKey(),
      icon: reason.icon,
      title: fr(reason.title),
      text: fr(reason.text),
    })),
  };
}

async function promotionDocs(): Promise<Doc[]> {
  return Promise.all(
    promotions.map(async (promotion) => {
      const image = promotion.banner
        ? {
            image: {
              _type: "image",
              _sanityAsset: await writeImage(
                `promotion-${promotion.slug}.jpg`,
                bannerSvg({
                  headline: promotion.banner.headline,
                  subline: promotion.banner.subline,
                  seed: promotion.slug,
                }),
              ),
              alt: promotion.banner.alt,
            },
          }
        : {};
      return {
        _id: `promotion-${promotion.slug}`,
        _type: "promotion",
        title: fr(promotion.title),
        text: fr(promotion.text),
        linkLabel: promotion.linkLabel,
        link: promotion.link,
        ...image,
        startsAt: promotion.startsAt,
        endsAt: promotion.endsAt,
      };
    }),
  );
}

function pageDocs(): Doc[] {
  return pages.map((page) => {
    const _id = `page-${page.slug}`;
    return {
      _id,
      _type: "page",
      title: page.title,
      slug: { _type: "slug", current: page.slug },
      description: fr(page.description),
      body: toPortableText(page.body, keyMaker(_id)),
    };
  });
}

async function folderSize(dir: string, names: string[]): Promise<number> {
  const sizes = await Promise.all(names.map(async (name) => (await stat(path.join(dir, name))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

async function main() {
  // Start from empty folders so a renamed or removed product leaves no orphan asset behind.
  await rm(IMAGES_DIR, { recursive: true, force: true });
  await rm(FILES_DIR, { recursive: true, force: true });
  await mkdir(IMAGES_DIR, { recursive: true });
  await mkdir(FILES_DIR, { recursive: true });

  const docs: Doc[] = [siteSettingsDoc()];
  // Sequential on purpose: the machine has two cores shared with other work.
  for (const category of categories) docs.push(await categoryDoc(category));
  for (const product of products) docs.push(await productDoc(product));
  docs.push(...pageDocs());
  docs.push(...(await promotionDocs()));
  docs.push(...accessCodePoolDocs(products));
  docs.push(...demoDiscountCodeDocs(), ...demoReviewDocs());

  const ndjson = docs.map((doc) => JSON.stringify(doc)).join("\n") + "\n";
  await writeFile(path.join(SEED_DIR, "data.ndjson"), ndjson);

  const images = await readdir(IMAGES_DIR);
  const files = await readdir(FILES_DIR);
  const total =
    Buffer.byteLength(ndjson) + (await folderSize(IMAGES_DIR, images)) + (await folderSize(FILES_DIR, files));
  console.log(
    `Seed written to ${path.relative(process.cwd(), SEED_DIR)}: ${docs.length} documents ` +
      `(${products.length} products), ${images.length} images, ${files.length} PDFs, ${(total / 1024).toFixed(0)} KB in total.`,
  );
}

await main();
