import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readForm } from "~/modules/platform/http.server";
import { isTheme } from "~/lib/theme";
import { serializeTheme } from "~/modules/platform/theme.server";

/** Remembers the shopper's theme and goes back to the page they were on (same-origin paths only). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const theme = form.get("theme");
  const redirectTo = String(form.get("redirectTo") ?? "/");
  const back =
    redirectTo.startsWith("/") && !redirectTo.startsWith("//") && !redirectTo.startsWith("/\\") ? redirectTo : "/";
  if (!isTheme(theme)) return redirect(back, 303);
  return redirect(back, { status: 303, headers: { "Set-Cookie": await serializeTheme(theme) } });
}
