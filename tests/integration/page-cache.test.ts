import { createHash } from "node:crypto";
import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lakeClient, Shopper } from "../support/shopper";
import { startStack, type Stack } from "../support/stack";

/**
 * The full-page cache (decision 016): anonymous public pages are rendered once per content version
 * and variant and served as the same bytes, with a CSP that allows their inline scripts by hash;
 * personal variants are never shareable; anything it does not know bypasses it; a publish in the
 * lake reaches the next view through the listen API (the content cache's TTL is an hour and the
 * webhook is off here, so only the listener can explain a fresh page).
 */
let stack: Stack;
let lake: SanityClient;
let productId: string;
let slug: string;

beforeAll(async () => {
  stack = await startStack({ env: { CONTENT_CACHE_TTL: "3600" } });
  lake = lakeClient(stack);
  ({ _id: productId, slug } = await lake.fetch<{ _id: string; slug: string }>(
    `*[_type == "product" && price > 0 && defined(slug.current)] | order(_id)[0]{_id, "slug": slug.current}`,
  ));
}, 90_000);

afterAll(async () => {
  await stack?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${stack.baseUrl}${path}`, { headers });

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/.test(attributes!))
    .map(([, , body]) => body!);
}

describe("full-page cache", () => {
  it("serves an anonymous public page from memory, the same bytes, its inline scripts allowed by hash", async () => {
    for (const path of ["/", "/produits", `/produits/${slug}`]) {
      const first = await get(path);
      const firstHtml = await first.text();
      const second = await get(path);
      const html = await second.text();
      expect(second.headers.get("x-page-cache"), path).toBe("hit");
      expect(html).toBe(firstHtml);
      expect(second.headers.get("cache-control")).toMatch(/^public, .*s-maxage=\d+.*stale-while-revalidate=\d+/);
      const csp = second.headers.get("content-security-policy")!;
      const scriptSrc = /script-src ([^;]+)/.exec(csp)![1]!;
      expect(scriptSrc).not.toContain("nonce-");
      expect(scriptSrc).toContain("'strict-dynamic'");
      const scripts = inlineScripts(html);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) {
        expect(scriptSrc).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
      }
    }
  });

  it("keeps a shopper's cart count out of shared copies: private, counted, and the anonymous page unchanged", async () => {
    const shopper = new Shopper(stack.baseUrl);
    expect((await shopper.post("/panier", { intent: "add", productId })).status).toBeLessThan(400);
    for (let view = 0; view < 2; view++) {
      const page = await shopper.request("/");
      expect(page.headers.get("cache-control")).toBe("private, no-cache");
      expect(await page.text()).toContain("Panier, 1 article");
    }
    const anonymous = await get("/");
    expect(anonymous.headers.get("cache-control")).toMatch(/^public/);
    expect(await anonymous.text()).toContain("Panier vide");
    const reader = new Shopper(stack.baseUrl);
    await reader.post("/theme", { theme: "dark", redirectTo: "/" });
    for (let view = 0; view < 2; view++) {
      const themed = await reader.request("/");
      expect(themed.headers.get("cache-control")).toBe("private, no-cache");
      expect(await themed.text()).toMatch(/<html[^>]*class="dark"/);
    }
  });

  it("bypasses the cache for any cookie it does not know, and never stores a private page", async () => {
    await get("/");
    const unknown = await get("/", { cookie: "__apercu=on; theme=dark" });
    expect(unknown.headers.get("x-page-cache")).toBeNull();
    expect(unknown.headers.get("content-security-policy")).toContain("'nonce-");
    await get("/panier");
    const cart = await get("/panier");
    expect(cart.headers.get("x-page-cache")).not.toBe("hit");
    expect(cart.headers.get("cache-control") ?? "").not.toMatch(/public/);
  });

  it("shows a price published in the lake on the next views (the lake's listen API drops the pages)", async () => {
    const path = `/produits/${slug}`;
    await get(path);
    expect((await get(path)).headers.get("x-page-cache")).toBe("hit");
    const price = 123_457;
    await lake.patch(productId).set({ price }).unset(["promoPrice", "promoEndsAt"]).commit();
    await expect.poll(async () => (await get(path)).text(), { timeout: 2_000, interval: 50 }).toMatch(/123\s457/);
  });
});
