import { createCookie } from "@remix-run/node";
import { z } from "zod";
import { getEnv } from "../platform/env.server";

/**
 * « Se souvenir de moi »: with the buyer's consent, their contact details live in a signed cookie on
 * their own device and prefill the next checkout. No profile on the server; unticking the box at the
 * next purchase (or any purchase without it) forgets them. Signed so that a tampered cookie is
 * ignored; not encrypted: it only holds what the buyer typed on this device.
 */
const rememberedSchema = z.object({
  name: z.string().max(80),
  whatsapp: z.string().max(20),
  email: z.string().max(254),
  /** The wallet of the last purchase: country code and operator id (the routing table's). */
  country: z.string().max(2).optional(),
  operator: z.string().max(40).optional(),
});
export type RememberedBuyer = z.infer<typeof rememberedSchema>;

const MAX_AGE_SECONDS = 60 * 60 * 24 * 180;
let cookie: ReturnType<typeof createCookie> | undefined;

function getCookie() {
  if (cookie) return cookie;
  const env = getEnv();
  cookie = createCookie("__ashtech_buyer", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: (env.PUBLIC_URL ?? "").startsWith("https://"),
    secrets: [env.SESSION_SECRET],
    maxAge: MAX_AGE_SECONDS,
  });
  return cookie;
}

export async function readRememberedBuyer(request: Request): Promise<RememberedBuyer | null> {
  const parsed = rememberedSchema.safeParse(await getCookie().parse(request.headers.get("Cookie")));
  return parsed.success ? parsed.data : null;
}

/** The Set-Cookie header after a purchase: remember what was typed, or forget it. */
export function rememberBuyer(buyer: RememberedBuyer | null): Promise<string> {
  return buyer ? getCookie().serialize(buyer) : getCookie().serialize("", { maxAge: 0 });
}

/** A ticked « Se souvenir de moi » box (`remember=on`). */
export const wantsToBeRemembered = (formData: FormData) => formData.get("remember") === "on";
