import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getOrderForShopper } from "~/modules/orders/orders.server";
import { confirmPayments, orderPageUrl } from "~/modules/payments/attempts.server";
import { siteOrigin } from "~/modules/catalog/seo.server";

/**
 * Where the provider sends the payer back. Reaching this URL proves nothing: the server asks
 * the provider, records what it says, and shows the order page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const order = await getOrderForShopper(url.searchParams.get("commande") ?? "", url.searchParams.get("t"));
  if (!order) throw new Response("Commande introuvable", { status: 404 });
  const { order: confirmed } = await confirmPayments(order, "return");
  return redirect(orderPageUrl(siteOrigin(request), confirmed), {
    status: 303,
    headers: { "Cache-Control": "no-store" },
  });
}
