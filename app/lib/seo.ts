import type { MetaDescriptor } from "@remix-run/node";

/** What every page says about itself to search engines and link previews. */
export interface Seo {
  title: string;
  description: string;
  /** Absolute URL of the page's canonical address. */
  canonical: string;
  image: string;
  type: "website" | "product" | "article";
  noindex?: boolean;
}

export function seoMeta(seo: Seo | undefined): MetaDescriptor[] {
  if (!seo) return [{ title: "ASHTECH STORE" }];
  return [
    { title: seo.title },
    { name: "description", content: seo.description },
    { tagName: "link", rel: "canonical", href: seo.canonical },
    { property: "og:title", content: seo.title },
    { property: "og:description", content: seo.description },
    { property: "og:type", content: seo.type },
    { property: "og:url", content: seo.canonical },
    { property: "og:locale", content: "fr_FR" },
    { property: "og:image", content: seo.image },
    { name: "twitter:card", content: "summary_large_image" },
    ...(seo.noindex ? [{ name: "robots", content: "noindex, follow" }] : []),
  ];
}
