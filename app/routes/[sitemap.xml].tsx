import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSitemapEntries } from "~/modules/catalog/pages.server";
import { absoluteUrl } from "~/modules/catalog/seo.server";
import { catalogUrl, categoryUrl, cmsPageUrl, productUrl } from "~/lib/urls";

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { products, categories, pages } = await getSitemapEntries();
  const urls = [
    { path: "/", updatedAt: null },
    { path: catalogUrl(), updatedAt: null },
    ...categories.map((c) => ({ path: categoryUrl(c.slug), updatedAt: c.updatedAt })),
    ...products.map((p) => ({ path: productUrl(p.slug), updatedAt: p.updatedAt })),
    ...pages.map((p) => ({ path: cmsPageUrl(p.slug), updatedAt: p.updatedAt })),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls
  .map(
    ({ path, updatedAt }) =>
      `  <url><loc>${escapeXml(absoluteUrl(request, path))}</loc>${
        updatedAt ? `<lastmod>${escapeXml(updatedAt)}</lastmod>` : ""
      }</url>`,
  )
  .join("\n")}
</urlset>
`;
  return new Response(body, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
