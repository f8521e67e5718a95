import type { MetaDescriptor } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";

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

/** The head of an error page (a route's or the root's boundary): never indexed. */
export function errorMeta(error: unknown): MetaDescriptor[] {
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return [
    { title: missing ? "Page introuvable | ASHTECH STORE" : "Erreur | ASHTECH STORE" },
    { name: "robots", content: "noindex" },
  ];
}

/** A page's head: its SEO, or the error page's when its boundary shows. */
export function pageMeta({ data, error }: { data?: { seo?: Seo } | null; error?: unknown }): MetaDescriptor[] {
  return error ? errorMeta(error) : seoMeta(data?.seo);
}
