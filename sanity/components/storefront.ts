/**
 * Where the storefront is, for the Studio's « Aperçu ». On the sandbox (`npm run studio`, the Studio
 * tests) the page that serves the Studio names the storefront and its preview secret, new each run;
 * a deployed Studio reads them from its build environment. Editors are the only ones who load the
 * Studio, and the secret only opens drafts read-only (decision 021).
 */
interface PreviewTarget {
  url: string;
  secret: string;
}

export function previewTarget(): PreviewTarget | null {
  const sandbox = (globalThis as { __SANDBOX_PREVIEW__?: PreviewTarget }).__SANDBOX_PREVIEW__;
  if (sandbox?.url && sandbox.secret) return sandbox;
  const url = process.env.SANITY_STUDIO_PREVIEW_URL;
  const secret = process.env.SANITY_STUDIO_PREVIEW_SECRET;
  return url && secret ? { url, secret } : null;
}

/** The storefront page that shows a document, or null for documents no page shows. */
export function storefrontPath(doc: { _type: string; slug?: { current?: string } } | null | undefined): string | null {
  if (!doc) return null;
  const slug = doc.slug?.current;
  switch (doc._type) {
    case "product":
      return slug ? `/produits/${encodeURIComponent(slug)}` : null;
    case "page":
      return slug ? `/pages/${encodeURIComponent(slug)}` : null;
    case "category":
      return slug ? `/produits?categorie=${encodeURIComponent(slug)}` : null;
    case "promotion":
    case "siteSettings":
      return "/";
    default:
      return null;
  }
}

export function previewUrl(target: PreviewTarget, path: string): string {
  const url = new URL("/apercu", target.url);
  url.searchParams.set("secret", target.secret);
  url.searchParams.set("redirection", path);
  return url.toString();
}
