import { defineQuery } from "groq";
import { z } from "zod";
import type { LayoutView } from "~/lib/catalog-types";
import { portableTextToHtml } from "~/modules/platform/portable-text.server";
import { listOf } from "../platform/typed-query.server";
import { cachedQuery, defaultCatalogContext } from "./context.server";
import { LAYOUT, rawLayout } from "./layout.server";
import { text } from "./projections.server";

/** CMS pages (« À propos », terms of sale…) and the sitemap's entries. */

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
