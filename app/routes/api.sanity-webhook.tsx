import type { ActionFunctionArgs } from "@remix-run/node";
import { isValidSignature, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { onOrderWritten } from "~/modules/orders/aftersale.server";
import { invalidateContent, NOT_CONTENT_TYPES } from "~/modules/platform/content-cache.server";
import { getEnv } from "~/modules/platform/env.server";

const MAX_BODY = 64 * 1024;

/**
 * The content lake calls this after every published change (a GROQ-powered webhook, signed with
 * SANITY_WEBHOOK_SECRET): the shop drops its cached content so the next view is fresh.
 * Every cached query embeds listings, so one changed document may touch any entry: all go.
 */
export async function action({ request }: ActionFunctionArgs) {
  const secret = getEnv().SANITY_WEBHOOK_SECRET;
  if (!secret) return new Response("Webhook not configured", { status: 404 });
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const signature = request.headers.get(SIGNATURE_HEADER_NAME);
  const body = await request.text();
  if (!signature || body.length > MAX_BODY || !(await isValidSignature(body, signature, secret).catch(() => false))) {
    return new Response("Invalid signature", { status: 401 });
  }
  const { type, id } = documentOf(body);
  if (!NOT_CONTENT_TYPES.has(type)) invalidateContent();
  // An order the Studio changed (a refund) is followed up at once; the reconciler's sweep catches any miss.
  if (type === "order" && id)
    void onOrderWritten(id).catch((error: unknown) =>
      console.error(`after-sale for ${id}: ${(error as Error).message}`),
    );
  return new Response(null, { status: 204 });
}

export function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}

function documentOf(body: string): { type: string; id: string } {
  try {
    const { _type: type, _id: id } = JSON.parse(body) as { _type?: unknown; _id?: unknown };
    return { type: typeof type === "string" ? type : "", id: typeof id === "string" ? id : "" };
  } catch {
    return { type: "", id: "" };
  }
}
