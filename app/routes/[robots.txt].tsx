import type { LoaderFunctionArgs } from "@remix-run/node";
import { absoluteUrl } from "~/modules/catalog/seo.server";

/** Personal and transactional pages are kept out of search engines; the catalogue is open. */
export function loader({ request }: LoaderFunctionArgs) {
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /panier",
    "Disallow: /commande",
    "Disallow: /mes-commandes",
    "Disallow: /telechargement",
    "Disallow: /paiement",
    "Disallow: /theme",
    "",
    `Sitemap: ${absoluteUrl(request, "/sitemap.xml")}`,
    "",
  ].join("\n");
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
