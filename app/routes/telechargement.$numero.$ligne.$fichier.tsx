import type { LoaderFunctionArgs } from "@remix-run/node";
import { plainPage } from "~/modules/platform/plain-page.server";
import { serveDownload } from "~/modules/delivery/downloads.server";
import { isLakeOutage, OUTAGE_HEADERS } from "~/modules/platform/lake-outage.server";

/**
 * A deliverable, streamed through the storefront: only with the order's token, for a paid order,
 * within its download limit and validity. Never a redirect to the asset itself. Remix runs this
 * loader for HEAD too: a HEAD gets the headers only and never counts a download.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    return await serveDownload({
      number: params.numero ?? "",
      lineKey: params.ligne ?? "",
      fileKey: params.fichier ?? "",
      token: new URL(request.url).searchParams.get("t"),
      headOnly: request.method === "HEAD",
    });
  } catch (error) {
    // A resource route answers its own errors: a lake outage is « réessayez », not a crash.
    if (!isLakeOutage(error)) throw error;
    console.error(`download unavailable, content lake unreachable: ${(error as Error).message}`);
    return plainPage(
      503,
      {
        title: "Téléchargement indisponible",
        text: "Réessayez dans un instant : ce téléchargement n'a pas été décompté.",
      },
      OUTAGE_HEADERS,
    );
  }
}
