import { createHmac, timingSafeEqual } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { defaultCatalogContext, type CatalogContext } from "./context.server";
import type { ContentCache } from "../platform/content-cache.server";
import { getEnv } from "../platform/env.server";
import { getSanityClient } from "../platform/sanity.server";

/**
 * Draft preview for editors: a secret link (/apercu?secret=…&redirection=/produits/…) sets a
 * cookie signed with SANITY_PREVIEW_SECRET; pages then read the drafts perspective, uncached,
 * and answer `private, no-store` so no shared cache ever keeps a draft for the public.
 */
const previewCookie = () =>
  createCookie("__apercu", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 8,
    secure: process.env.NODE_ENV === "production" && (process.env.PUBLIC_URL ?? "").startsWith("https:"),
    secrets: [getEnv().SANITY_PREVIEW_SECRET ?? ""],
  });

const digest = (value: string) => createHmac("sha256", "apercu").update(value).digest();

export function previewSecretMatches(given: string | null): boolean {
  const secret = getEnv().SANITY_PREVIEW_SECRET;
  if (!secret || !given) return false;
  return timingSafeEqual(digest(given), digest(secret));
}

/** Only a path on this site: an open redirect would turn the secret link into a phishing tool. */
export function safeRedirect(target: string | null): string {
  return target && target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : "/";
}

export async function startPreviewCookie(): Promise<string> {
  return previewCookie().serialize("on");
}

export async function endPreviewCookie(): Promise<string> {
  return previewCookie().serialize("", { maxAge: 0 });
}

export async function isPreview(request: Request): Promise<boolean> {
  if (!getEnv().SANITY_PREVIEW_SECRET) return false;
  return (await previewCookie().parse(request.headers.get("Cookie"))) === "on";
}

const uncached: ContentCache = {
  get: (_key, load) => load(),
  invalidate: () => undefined,
  get loads() {
    return 0;
  },
};

/** The catalogue as this request may see it: drafts, never cached, in preview; published otherwise. */
export async function catalogContextFor(request: Request): Promise<CatalogContext & { preview: boolean }> {
  const ctx = defaultCatalogContext();
  if (!(await isPreview(request))) return { ...ctx, preview: false };
  return { ...ctx, client: getSanityClient().withConfig({ perspective: "drafts" }), cache: uncached, preview: true };
}

export const PREVIEW_HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
