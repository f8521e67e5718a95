import { defineQuery } from "groq";
import { z } from "zod";
import type { LayoutView, SiteSettingsView } from "~/lib/catalog-types";
import { isTimeZone, SHOP_TIME_ZONE } from "../platform/shop-dates.server";
import { routingTable } from "../payments/routing.server";
import { listOf } from "../platform/typed-query.server";
import { cachedQuery, defaultCatalogContext } from "./context.server";
import { text } from "./projections.server";

/** The shop's settings, categories and CMS pages: the header and footer of every page. */

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
    .transform((value) => ({
      preferredProvider: value?.preferredProvider ?? null,
      disabledWallets: value?.disabledWallets ?? [],
    })),
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

export const rawLayout = z
  .object({
    settings: rawSettings.nullish().transform((value): SiteSettingsView => value ?? DEFAULT_SETTINGS),
    categories: listOf(z.object({ title: z.string(), slug: z.string(), icon: text }), "category"),
    // GROQ orders by code point ("À propos" last); shoppers expect French alphabetical order.
    pages: listOf(z.object({ title: z.string(), slug: z.string() }), "page").transform((pages) =>
      pages.sort((a, b) => a.title.localeCompare(b.title, "fr")),
    ),
  })
  .transform((layout): LayoutView => ({
    ...layout,
    // What the shop can take, country by country: every page that names operators reads this.
    payment: { offers: routingTable(layout.settings.currency, layout.settings.paymentRouting).offers },
  }));

export const LAYOUT = `"layout": {
  "settings": *[_type == "siteSettings" && _id == "siteSettings"][0]{ shopName, tagline, description, currency, whatsappNumber, email, timeZone, socials, paymentRouting },
  "categories": *[_type == "category" && defined(slug.current)] | order(sortOrder asc, title asc){ title, "slug": slug.current, icon },
  "pages": *[_type == "page" && defined(slug.current)]{ title, "slug": slug.current }
}`;

const LAYOUT_QUERY = defineQuery(`{ ${LAYOUT} }`);

export async function getLayout(ctx = defaultCatalogContext()): Promise<LayoutView> {
  const { layout } = await cachedQuery(ctx, LAYOUT_QUERY, {}, z.object({ layout: rawLayout }), (parsed) => parsed);
  return layout;
}
