import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import {
  PREVIEW_HEADERS,
  previewSecretMatches,
  safeRedirect,
  startPreviewCookie,
} from "~/modules/catalog/preview.server";

/** The editors' secret preview link: /apercu?secret=…&redirection=/produits/mon-produit */
export async function loader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  if (!previewSecretMatches(search.get("secret"))) {
    return new Response("Lien d'aperçu invalide.", {
      status: 401,
      headers: { ...PREVIEW_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return redirect(safeRedirect(search.get("redirection")), {
    headers: { ...PREVIEW_HEADERS, "Set-Cookie": await startPreviewCookie() },
  });
}
