import type { SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "~/modules/orders/order-document";
import { lakeClient, orderFromLocation, payOnHostedPage, Shopper, waitFor } from "../support/shopper";
import { startStack, type Stack } from "../support/stack";

/**
 * Response headers over real HTTP (issue 10, items 2 to 4): HEAD never spends a download, every
 * route's documents and `.data` carry the cache policy they mean, and the security headers of a
 * shop that takes money.
 */
const GUIDE = "product-guide-chatgpt-pour-entrepreneurs-africains"; // one PDF
const GUIDE_SLUG = "guide-chatgpt-pour-entrepreneurs-africains";
const EMAIL = "headers@example.com";
const PRIVATE = "private, no-store";

let stack: Stack;
let lake: SanityClient;
let shopper: Shopper;
let order: Order;
let orderPath: string;
let downloadPath: string;
let listPath: string;

beforeAll(async () => {
  stack = await startStack({ env: { RECONCILE_INTERVAL_SECONDS: "0" } });
  lake = lakeClient(stack);
  shopper = new Shopper(stack.baseUrl);
  const checkoutId = await shopper.openCheckout(GUIDE);
  const placed = await shopper.checkout(GUIDE, checkoutId, { email: EMAIL });
  const back = await shopper.request(await payOnHostedPage(placed.headers.get("location")!, "600000001"));
  const location = back.headers.get("location")!;
  order = await orderFromLocation(lake, location);
  orderPath = new URL(location, stack.baseUrl).pathname + new URL(location, stack.baseUrl).search;
  const html = await (await shopper.request(orderPath)).text();
  downloadPath = /href="(\/telechargement\/[^"]+)"/.exec(html)![1]!.replaceAll("&amp;", "&");
  // « Mes commandes »: the list link arrives by e-mail.
  await shopper.post("/mes-commandes", { contact: EMAIL });
  const mails = await waitFor(
    async () =>
      (await (await fetch(`${stack.sandbox.urls.mail}/api/messages?to=${encodeURIComponent(EMAIL)}`)).json()) as {
        text: string;
      }[],
    (mails) => mails.some((message) => message.text.includes("/mes-commandes/liste")),
  );
  const mail = mails.find((message) => message.text.includes("/mes-commandes/liste"))!;
  const link = /https?:\/\/\S+\/mes-commandes\/liste\?jeton=[^\s>)]+/.exec(mail.text)![0];
  listPath = new URL(link).pathname + new URL(link).search;
});

afterAll(async () => {
  await stack?.stop();
});

/** `/a/b?x` → `/a/b.data?x`; `/` → `/_root.data` (Remix single fetch). */
function dataUrl(path: string): string {
  const [pathname, search] = path.split("?");
  return `${pathname === "/" ? "/_root" : pathname}.data${search ? `?${search}` : ""}`;
}

describe("HEAD on a download", () => {
  it("answers the headers without counting: five HEADs, then the GET still gets the file, counted once", async () => {
    for (let i = 0; i < 5; i += 1) {
      const head = await shopper.request(downloadPath, { method: "HEAD" });
      expect(head.status).toBe(200);
      expect(head.headers.get("content-disposition")).toContain("attachment");
      expect(head.headers.get("cache-control")).toBe(PRIVATE);
    }
    const fresh = await lake.getDocument<Order>(order._id);
    expect(fresh?.downloads ?? []).toHaveLength(0);
    const get = await shopper.request(downloadPath);
    expect(get.status).toBe(200);
    expect((await get.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const after = await lake.getDocument<Order>(order._id);
    expect(after?.downloads).toHaveLength(1);
  });
});

describe("Cache-Control on every route, document and .data", () => {
  const PUBLIC = /^public, max-age=\d+/;
  const pages: [string, () => string, RegExp | string][] = [
    ["home", () => "/", PUBLIC],
    ["catalogue", () => "/produits", PUBLIC],
    ["catalogue search", () => "/produits?q=guide", PUBLIC],
    ["product", () => `/produits/${GUIDE_SLUG}`, PUBLIC],
    ["CMS page", () => "/pages/a-propos", PUBLIC],
    ["unknown address", () => "/nulle-part", /^public, max-age=60$/],
    ["unknown product", () => "/produits/inconnu", PRIVATE],
    ["cart", () => "/panier", PRIVATE],
    ["checkout", () => `/commande?produit=${GUIDE}`, PRIVATE],
    ["order page", () => orderPath, PRIVATE],
    ["order page with a wrong token", () => `/commande/${order.number}?t=faux`, PRIVATE],
    ["Mes commandes", () => "/mes-commandes", PRIVATE],
    ["Mes commandes list", () => listPath, PRIVATE],
    ["Mes commandes list, expired link", () => "/mes-commandes/liste?jeton=faux", PRIVATE],
  ];

  // Public pages are public only to a visitor without cookies: the same page answered to this
  // shopper (session with a checkout) may be kept by the browser, never by a shared cache (decision 016).
  const PERSONAL = "private, no-cache";
  const anonymous = (url: string) => fetch(new URL(url, stack.baseUrl), { redirect: "manual" });

  for (const [name, path, expected] of pages) {
    it(`${name}: document and .data`, async () => {
      for (const url of [path(), dataUrl(path())]) {
        const response = await (typeof expected === "string" ? shopper.request(url) : anonymous(url));
        expect(response.status, url).toBeLessThan(500);
        const policy = response.headers.get("cache-control");
        if (typeof expected === "string") expect(policy, url).toBe(expected);
        else {
          expect(policy, url).toMatch(expected);
          const personal = await shopper.request(url);
          expect(personal.headers.get("cache-control"), `${url} with the shopper's cookies`).toBe(PERSONAL);
        }
      }
    });
  }

  const resources: [string, () => string, RegExp | string][] = [
    ["robots.txt", () => "/robots.txt", /^public/],
    ["sitemap", () => "/sitemap.xml", /^public/],
    ["health", () => "/healthz", "no-store"],
    ["download", () => downloadPath, PRIVATE],
    [
      "payment return",
      () => `/paiement/lygos/retour?commande=${order.number}&t=${encodeURIComponent(order.accessToken)}`,
      "no-store",
    ],
    ["callback (GET)", () => "/api/paiement/lengo", PRIVATE],
    ["theme (GET)", () => "/theme", PRIVATE],
  ];
  for (const [name, path, expected] of resources) {
    it(`${name}`, async () => {
      const response = await (typeof expected === "string" ? shopper.request(path()) : anonymous(path()));
      const policy = response.headers.get("cache-control");
      if (typeof expected === "string") expect(policy).toBe(expected);
      else expect(policy).toMatch(expected);
    });
  }

  it("an invalid review answers private, never the product page's public policy", async () => {
    for (const url of [`/produits/${GUIDE_SLUG}`, `/produits/${GUIDE_SLUG}.data`]) {
      const response = await shopper.post(url, { rating: "9", name: "", comment: "" });
      expect(response.status, url).toBe(400);
      expect(response.headers.get("cache-control"), url).toBe(PRIVATE);
    }
  });

  it("the Mes commandes list keeps Referrer-Policy: no-referrer", async () => {
    for (const url of [listPath, dataUrl(listPath)]) {
      const response = await shopper.request(url);
      expect(response.status, url).toBe(200);
      // The server's default comes first; browsers apply the last policy of the list.
      expect(response.headers.get("referrer-policy")?.split(",").at(-1)?.trim(), url).toBe("no-referrer");
    }
  });
});

describe("security headers", () => {
  it("limits form-action to the shop and the providers' hosted pages, and sends no HSTS over http", async () => {
    const response = await fetch(`${stack.baseUrl}/commande?produit=${GUIDE}`);
    const csp = response.headers.get("content-security-policy")!;
    const formAction = /form-action ([^;]+)/.exec(csp)?.[1]?.split(" ");
    expect(formAction).toEqual(
      expect.arrayContaining([
        "'self'",
        new URL(stack.sandbox.urls.lygos).origin,
        new URL(stack.sandbox.urls.lengo).origin,
      ]),
    );
    expect(formAction).not.toContain("*");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends Strict-Transport-Security when PUBLIC_URL is https", async () => {
    const https = await startStack({
      env: { RECONCILE_INTERVAL_SECONDS: "0", PUBLIC_URL: "https://boutique.example" },
    });
    try {
      const response = await fetch(`${https.baseUrl}/healthz`);
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    } finally {
      await https.stop();
    }
  });
});
