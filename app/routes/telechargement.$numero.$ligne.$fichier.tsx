import type { LoaderFunctionArgs } from "@remix-run/node";
import { serveDownload } from "~/modules/downloads.server";

/**
 * A deliverable, streamed through the storefront: only with the order's token, for a paid order,
 * within its download limit and validity. Never a redirect to the asset itself. Remix runs this
 * loader for HEAD too: a HEAD gets the headers only and never counts a download.
 */
export function loader({ request, params }: LoaderFunctionArgs) {
  return serveDownload({
    number: params.numero ?? "",
    lineKey: params.ligne ?? "",
    fileKey: params.fichier ?? "",
    token: new URL(request.url).searchParams.get("t"),
    headOnly: request.method === "HEAD",
  });
}
