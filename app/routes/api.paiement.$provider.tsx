import type { ActionFunctionArgs } from "@remix-run/node";
import { handleCallback } from "~/modules/payments.server";

/**
 * Every provider's callback (`/api/paiement/lengo?commande=…&jeton=…` for Lengo): authenticated
 * by the order's token in the URL, then verified with the provider.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ ok: false, error: "POST only" }, { status: 405, headers: { Allow: "POST" } });
  const url = new URL(request.url);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ ok: false, error: "body is not JSON" }, { status: 400 });
  }
  const result = await handleCallback(params.provider ?? "", url.searchParams.get("commande") ?? "", url.searchParams.get("jeton"), body);
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}

export function loader() {
  return Response.json({ ok: false, error: "POST only" }, { status: 405, headers: { Allow: "POST" } });
}
