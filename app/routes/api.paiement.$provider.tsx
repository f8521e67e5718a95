import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateCallback, readCallbackJson } from "~/modules/payments/callback.server";
import { handleCallback } from "~/modules/payments/attempts.server";

/**
 * Every provider's callback (`/api/paiement/lengo?commande=…&jeton=…` for Lengo): authenticated
 * by the order's token in the URL before the body is read, then verified with the provider.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const caller = await authenticateCallback(request);
  if (!caller.ok) return caller.response;
  const read = await readCallbackJson(request);
  if (!read.ok) return read.response;
  const result = await handleCallback(params.provider ?? "", caller.order, read.body);
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}

export function loader() {
  return Response.json({ ok: false, error: "POST only" }, { status: 405, headers: { Allow: "POST" } });
}
