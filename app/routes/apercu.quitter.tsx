import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { endPreviewCookie, PREVIEW_HEADERS, safeRedirect } from "~/modules/catalog/preview.server";

async function leave(request: Request) {
  const target = safeRedirect(new URL(request.url).searchParams.get("redirection"));
  return redirect(target, { headers: { ...PREVIEW_HEADERS, "Set-Cookie": await endPreviewCookie() } });
}

export const loader = ({ request }: LoaderFunctionArgs) => leave(request);
export const action = ({ request }: ActionFunctionArgs) => leave(request);
