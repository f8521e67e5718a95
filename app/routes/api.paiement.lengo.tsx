import type { ActionFunctionArgs } from "@remix-run/node";
import { handleLengoCallback } from "~/modules/payments.server";

/** Lengo Pay's callback: authenticated by the order's token in the URL, then verified with Lengo. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ ok: false, error: "POST only" }, { status: 405 });
  const url = new URL(request.url);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ ok: false, error: "body is not JSON" }, { status: 400 });
  }
  const result = await handleLengoCallback(url.searchParams.get("commande") ?? "", url.searchParams.get("jeton"), body);
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}

export function loader() {
  return Response.json({ ok: false, error: "POST only" }, { status: 405, headers: { Allow: "POST" } });
}
