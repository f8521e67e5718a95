import { randomBytes } from "node:crypto";
import type { SanityClient, SanityDocument } from "@sanity/client";
import { encodeSignatureHeader } from "@sanity/webhook";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lakeClient } from "../support/shopper";
import { startStack, type Stack } from "../support/stack";

/**
 * The lake's signed webhook refreshes the shop at once, and the storefront refuses unsigned or
 * forged calls. The content cache's TTL is an hour and the listener is off here; the lake sends no
 * webhook of its own either: the test delivers it, as the lake would (sandbox/lake/webhooks.ts), so
 * that it can first see the cache hold the old page. Without that step a shop that cached nothing
 * would pass too (the lake's own delivery is covered by aftersale.test.ts and the Studio tests).
 */
let stack: Stack;
let lake: SanityClient;
const webhookSecret = randomBytes(24).toString("base64url");
const previewSecret = randomBytes(24).toString("base64url");

beforeAll(async () => {
  stack = await startStack({
    env: {
      CONTENT_CACHE_TTL: "3600",
      SANITY_LISTEN: "false",
      SANITY_WEBHOOK_SECRET: webhookSecret,
      SANITY_PREVIEW_SECRET: previewSecret,
    },
  });
  lake = lakeClient(stack);
}, 90_000);

afterAll(async () => {
  await stack?.stop();
});

const page = async (path: string) => (await fetch(`${stack.baseUrl}${path}`)).text();

/** The call the lake makes after a commit: its projection of the document, signed. */
async function deliverWebhook(doc: SanityDocument) {
  const slug = (doc.slug as { current?: string } | undefined)?.current ?? null;
  const body = JSON.stringify({ _id: doc._id, _type: doc._type, _rev: doc._rev, slug });
  return fetch(`${stack.baseUrl}/api/sanity-webhook`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "sanity-webhook-signature": await encodeSignatureHeader(body, Date.now(), webhookSecret),
    },
    body,
  });
}

describe("content webhook", () => {
  it("a published change reaches the product page at once", async () => {
    const path = "/produits/maitriser-canva-visuels-pro";
    expect(await page(path)).not.toContain("Canva, édition webhook");
    const changed = await lake
      .patch("product-maitriser-canva-visuels-pro")
      .set({ title: "Canva, édition webhook" })
      .commit();
    // Cached for an hour: until the webhook comes, the shop still shows what it had.
    expect(await page(path)).not.toContain("Canva, édition webhook");
    expect((await deliverWebhook(changed)).status).toBe(204);
    expect(await page(path)).toContain("Canva, édition webhook");
  });

  it("accepts a correctly signed call and refuses forged or unsigned ones", async () => {
    const body = JSON.stringify({ _id: "product-x", _type: "product", _rev: "r1", slug: "x" });
    const send = (headers: Record<string, string>) =>
      fetch(`${stack.baseUrl}/api/sanity-webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
    const signed = await encodeSignatureHeader(body, Date.now(), webhookSecret);
    expect((await send({ "sanity-webhook-signature": signed })).status).toBe(204);
    const forged = await encodeSignatureHeader(body, Date.now(), "not-the-secret-0123456789");
    expect((await send({ "sanity-webhook-signature": forged })).status).toBe(401);
    expect((await send({})).status).toBe(401);
    const tampered = signed.replace(/v1=./, (match) => (match.endsWith("A") ? "v1=B" : "v1=A"));
    expect((await send({ "sanity-webhook-signature": tampered })).status).toBe(401);
  });
});

describe("draft preview", () => {
  it("shows a draft only through the secret link, with the « Aperçu » banner, never cached", async () => {
    const published = await lake.getDocument("product-maitriser-canva-visuels-pro");
    await lake.createOrReplace({
      ...published!,
      _id: "drafts.product-maitriser-canva-visuels-pro",
      title: "Titre en brouillon",
    });
    expect(await page("/produits/maitriser-canva-visuels-pro")).not.toContain("Titre en brouillon");

    const refused = await fetch(`${stack.baseUrl}/apercu?secret=wrong-secret-0123456789`, { redirect: "manual" });
    expect(refused.status).toBe(401);

    const entry = await fetch(
      `${stack.baseUrl}/apercu?secret=${encodeURIComponent(previewSecret)}&redirection=/produits/maitriser-canva-visuels-pro`,
      { redirect: "manual" },
    );
    expect(entry.status).toBe(302);
    expect(entry.headers.get("location")).toBe("/produits/maitriser-canva-visuels-pro");
    const cookie = entry.headers.get("set-cookie")!.split(";")[0]!;
    const preview = await fetch(`${stack.baseUrl}/produits/maitriser-canva-visuels-pro`, { headers: { cookie } });
    expect(preview.headers.get("cache-control")).toBe("private, no-store");
    const html = await preview.text();
    expect(html).toContain("Titre en brouillon");
    expect(html).toContain('data-testid="preview-banner"');

    // The public page, read after the preview, still shows the published title.
    expect(await page("/produits/maitriser-canva-visuels-pro")).not.toContain("Titre en brouillon");
    const forged = await fetch(`${stack.baseUrl}/produits/maitriser-canva-visuels-pro`, {
      headers: { cookie: "__apercu=on" },
    });
    expect(await forged.text()).not.toContain("Titre en brouillon");
  });

  it("never redirects off the site", async () => {
    const entry = await fetch(
      `${stack.baseUrl}/apercu?secret=${encodeURIComponent(previewSecret)}&redirection=//evil.example`,
      {
        redirect: "manual",
      },
    );
    expect(entry.headers.get("location")).toBe("/");
  });
});
