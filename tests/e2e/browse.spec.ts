import { expect, test, type Page } from "@playwright/test";
import { failOnConsoleErrors } from "../support/console-errors";

/**
 * Browsing the shop as a phone user, once with JavaScript and once without (the two Playwright
 * projects): every path below must work both ways, without a single console error.
 */
failOnConsoleErrors(test);

function prices(texts: string[]): number[] {
  return texts.map((text) => (text.includes("Gratuit") ? 0 : Number(text.replace(/\D/g, ""))));
}

/** The price paid on each card: the promo price when there is one (the last price on the card). */
async function cardPrices(page: Page): Promise<number[]> {
  const cards = page.locator("main article");
  const texts = await cards.evaluateAll((articles) =>
    articles.map((article) => {
      const shown = article.querySelectorAll("p span.font-extrabold");
      return shown[shown.length - 1]?.textContent ?? "";
    }),
  );
  return prices(texts);
}

test("home → category → filter → product", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bienvenue chez ASHTECH STORE");
  await expect(page.getByRole("heading", { name: "Nos produits phares" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pourquoi nous choisir ?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Nous contacter" })).toHaveAttribute("href", /^https:\/\/wa\.me\/\d+/);

  await page
    .getByRole("region", { name: "Nos catégories" })
    .getByRole("link", { name: /Formations/ })
    .click();
  await expect(page).toHaveURL(/\/produits\?categorie=formations$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formations");

  await page.getByLabel("Prix minimum").fill("3000");
  await page.getByLabel("Trier par").selectOption("prix-croissant");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/categorie=formations/);
  await expect(page).toHaveURL(/min=3000/);
  await expect(page).toHaveURL(/tri=prix-croissant/);
  const shown = await cardPrices(page);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown).toEqual([...shown].sort((a, b) => a - b));
  expect(shown.every((price) => price >= 3000)).toBe(true);

  const firstCard = page.locator("main article").first();
  const title = (await firstCard.getByRole("heading").textContent())!.trim();
  await firstCard.getByRole("link", { name: `Détails : ${title}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { name: "Ce que vous obtenez" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Acheter maintenant|Obtenir gratuitement)$/ })).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({ "@type": "Product", name: title, offers: { priceCurrency: "XAF" } });
});

test("promos: only running ones, with the struck list price and a countdown", async ({ page }) => {
  await page.goto("/produits?promo=1");
  const cards = page.locator("main article");
  expect(await cards.count()).toBeGreaterThan(0);
  for (const card of await cards.all()) {
    await expect(card.locator("s")).toHaveText(/F\sCFA/);
    await expect(card.getByText(/^-\d+\s%$/)).toBeVisible();
  }
  await cards
    .first()
    .getByRole("link", { name: /^Détails/ })
    .click();
  await expect(page.getByText(/^(Plus que \d|Offre valable jusqu'au \d)/)).toBeVisible();
});

test("search from the header", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("search").filter({ visible: true }).first();
  await search.getByRole("searchbox").fill("chatgpt");
  await search.getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(/\/produits\?q=chatgpt$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Résultats pour « chatgpt »");
  expect(await page.locator("main article").count()).toBeGreaterThan(0);

  await page.goto("/produits?q=xylophone-introuvable");
  await expect(page.getByText("Aucun produit ne correspond à votre recherche.")).toBeVisible();
});

test("pagination keeps the filters", async ({ page }) => {
  await page.goto("/produits?tri=populaires");
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Suivant" }).click();
  await expect(page).toHaveURL(/tri=populaires&page=2|page=2.*tri=populaires/);
  await expect(page.getByRole("navigation", { name: "Pagination" }).locator('[aria-current="page"]')).toHaveText("2");
});

test("CMS page from the footer", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "À propos" }).click();
  await expect(page).toHaveURL(/\/pages\/a-propos$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("À propos");
  await expect(page.locator(".rich-text h2").first()).toBeVisible();
});

test("404 pages in French, inside the shop's header and footer", async ({ page }) => {
  const missing = {
    "/cette-page-n-existe-pas": "Cette page",
    "/produits/produit-inconnu": "Ce produit",
    "/produits?categorie=categorie-inconnue": "Cette catégorie",
    "/pages/inconnue": "Cette page",
    "/commande/CMD-INCONNUE?t=faux": "Cette commande",
  };
  for (const [path, what] of Object.entries(missing)) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.getByText(`${what} n'existe pas`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Retour à l'accueil" })).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    // The header's and footer's content (settings, categories, pages) is there on an error page too.
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "À propos" })).toBeVisible();
  }
});

test("the header and footer load once: navigating and filtering fetch only the page's own data", async ({
  page,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, "client-side navigation needs JavaScript");
  await page.goto("/produits");
  const dataRequests: URL[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith(".data")) dataRequests.push(url);
  });
  // A new query string: by default Remix would run every loader again, the root's included.
  await page.getByRole("contentinfo").getByRole("link", { name: "Formations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formations");
  await page.getByRole("contentinfo").getByRole("link", { name: "À propos" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("À propos");
  expect(dataRequests.length).toBeGreaterThanOrEqual(2);
  // Single fetch names the loaders it runs in `_routes`; without it, it runs them all.
  for (const url of dataRequests) {
    expect(url.searchParams.has("_routes"), `${url.pathname}${url.search}`).toBe(true);
    expect(url.searchParams.get("_routes")?.split(",")).not.toContain("root");
  }
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Formations" })).toBeVisible();
});

test("SEO: title, description, canonical, Open Graph, sitemap and robots", async ({ page, request }) => {
  await page.goto("/produits?categorie=formations&tri=prix-croissant");
  await expect(page).toHaveTitle("Formations | ASHTECH STORE");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{20,}/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    /^http:\/\/[^/]+\/produits\?categorie=formations$/,
  );
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Formations | ASHTECH STORE");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.headers()["content-type"]).toMatch(/xml/);
  expect(await sitemap.text()).toMatch(/<loc>http:\/\/[^<]+\/produits\/[a-z0-9-]+<\/loc>/);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http:\/\/.+\/sitemap\.xml/);
});

test("dark mode is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/produits");
  await page.getByRole("button", { name: "Activer le mode sombre" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: "Activer le mode clair" })).toBeVisible();
  await expect(page).toHaveURL(/\/produits$/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.getByRole("button", { name: "Activer le mode clair" }).click();
  await expect(page.locator("html")).toHaveClass(/\blight\b/);
});

test("buying a product leads to checkout with it", async ({ page }) => {
  await page.goto("/produits");
  const card = page.locator("main article").first();
  const title = (await card.getByRole("heading").textContent())!.trim();
  await card.getByRole("button", { name: /^(Acheter|Obtenir)/ }).click();
  await expect(page).toHaveURL(/\/commande\?produit=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finaliser ma commande");
  await expect(page.getByText(title).first()).toBeVisible();
});

/** The page's background, as a relative luminance (0 black, 1 white). */
function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body)
      .backgroundColor.match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number);
    const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
  });
}

// What the phone screenshots this replaces were looked at for, asserted: every picture loads, and the
// page follows the phone's light or dark setting (layout.spec.ts checks widths, a11y.spec.ts contrast).
test("on a phone, the home and product pages show every picture and follow the phone's light or dark setting", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    const product = page.getByRole("region", { name: "Nos produits phares" }).locator("article h3 a").first();
    const productPath = (await product.getAttribute("href"))!;
    for (const path of ["/", productPath]) {
      await page.goto(path);
      const images = page.locator("main img");
      expect(await images.count(), path).toBeGreaterThan(0);
      // Each one brought into view, as a reader scrolling down would (they load lazily).
      for (const image of await images.all()) {
        await image.scrollIntoViewIfNeeded();
        await expect
          .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), path)
          .toBeGreaterThan(0);
      }
      const luminance = await backgroundLuminance(page);
      if (scheme === "dark") expect(luminance, `${path} in dark`).toBeLessThan(0.2);
      else expect(luminance, `${path} in light`).toBeGreaterThan(0.8);
    }
  }
});
