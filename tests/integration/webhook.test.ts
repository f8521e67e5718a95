import { createClient, type SanityClient } from "@sanity/client";
import { encodeSignatureHeader } from "@sanity/webhook";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../support/stack";

/**
 * The lake's signed webhook refreshes the shop at once (the content cache's TTL is an hour and the
 * listener is off here, so only the webhook can explain a fresh page), and the storefront refuses unsigned or forged calls.
 */
let stack: Stack;
let lake: SanityClient;

beforeAll(async () => {
  stack = await startStack({ webhook: true, env: { CONTENT_CACHE_TTL: "3600", SANITY_LISTEN: "false" } });
  lake = createClient({
    projectId: "demo",
    dataset: "production",
    apiVersion: "2025-02-19",
    apiHost: stack.sandbox.urls.lake,
    useProjectHostname: false,
    useCdn: false,
    token: stack.sandbox.secrets.lakeToken,
  });
}, 90_000);

afterAll(async () => {
  await stack?.stop();
});

const page = async (path: string) => (await fetch(`${stack.baseUrl}${path}`)).text();

async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe("content webhook", () => {
  it("a published change reaches the product page at once", async () => {
    expect(await page("/produits/maitriser-canva-visuels-pro")).not.toContain("Canva, édition webhook");
    await lake.patch("product-maitriser-canva-visuels-pro").set({ title: "Canva, édition webhook" }).commit();
    expect(await eventually(async () => (await page("/produits/maitriser-canva-visuels-pro")).includes("Canva, édition webhook"))).toBe(true);
  });

  it("accepts a correctly signed call and refuses forged or unsigned ones", async () => {
    const body = JSON.stringify({ _id: "product-x", _type: "product", _rev: "r1", slug: "x" });
    const send = (headers: Record<string, string>) =>
      fetch(`${stack.baseUrl}/api/sanity-webhook`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const signed = await encodeSignatureHeader(body, Date.now(), stack.webhookSecret!);
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
    await lake.createOrReplace({ ...published!, _id: "drafts.product-maitriser-canva-visuels-pro", title: "Titre en brouillon" });
    expect(await page("/produits/maitriser-canva-visuels-pro")).not.toContain("Titre en brouillon");

    const refused = await fetch(`${stack.baseUrl}/apercu?secret=wrong-secret-0123456789`, { redirect: "manual" });
    expect(refused.status).toBe(401);

    const entry = await fetch(
      `${stack.baseUrl}/apercu?secret=${encodeURIComponent(stack.previewSecret!)}&redirection=/produits/maitriser-canva-visuels-pro`,
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
    const forged = await fetch(`${stack.baseUrl}/produits/maitriser-canva-visuels-pro`, { headers: { cookie: "__apercu=on" } });
    expect(await forged.text()).not.toContain("Titre en brouillon");
  });

  it("never redirects off the site", async () => {
    const entry = await fetch(`${stack.baseUrl}/apercu?secret=${encodeURIComponent(stack.previewSecret!)}&redirection=//evil.example`, {
      redirect: "manual",
    });
    expect(entry.headers.get("location")).toBe("/");
  });
});
