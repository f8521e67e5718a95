import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";

/**
 * axe on the pages of a purchase, in the light and the dark theme (the theme is a cookie, see
 * app/routes/theme.tsx): no violation at all, WCAG 2.1 AA and axe's best practices.
 */
const THEMES = ["light", "dark"] as const;

async function freeOrderPage(page: Page, email: string): Promise<string> {
  await page.goto("/produits/kit-de-demarrage-ia-gratuit");
  await page.getByRole("button", { name: "Obtenir gratuitement" }).click();
  await page.getByLabel(/E-mail/).fill(email);
  await page.getByRole("button", { name: "Obtenir gratuitement" }).click();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  return page.url();
}

// axe takes a few seconds per page on two shared cores.
test.describe.configure({ timeout: 240_000 });

// axe needs JavaScript in the page (tests/support/axe.ts).
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "axe runs inside the page");

for (const theme of THEMES) {
  test(`no axe violation in the ${theme} theme: home, catalogue, product, cart, checkout, order, Mes commandes`, async ({
    page,
    baseURL,
  }, info) => {
    // The cookie the theme toggle sets (Remix's createCookie: base64 JSON, unsigned).
    const value = encodeURIComponent(Buffer.from(JSON.stringify(theme)).toString("base64"));
    await page.context().addCookies([{ name: "theme", value, url: baseURL! }]);
    await page.goto("/");
    await expect(page.locator("html")).toHaveClass(theme);

    await expectNoAxeViolations(page, "home");
    await page.goto("/produits");
    await expectNoAxeViolations(page, "catalogue");
    await page.goto("/produits/500-prompts-chatgpt-prets-a-l-emploi");
    await expectNoAxeViolations(page, "product");
    await page.getByRole("button", { name: "Ajouter au panier" }).click();
    await expect(page).toHaveURL(/\/panier$/);
    await expectNoAxeViolations(page, "cart");
    await page.getByRole("link", { name: "Passer la commande" }).click();
    await expectNoAxeViolations(page, "checkout");
    // With errors shown, too.
    await page.getByRole("button", { name: /^Payer/ }).click();
    await expect(page.getByText("Indiquez votre nom complet.")).toBeVisible();
    await expectNoAxeViolations(page, "checkout with errors");

    await freeOrderPage(page, `axe-${theme}-${info.project.name}@example.com`);
    await expectNoAxeViolations(page, "order page");
    await page.goto("/mes-commandes");
    await expectNoAxeViolations(page, "Mes commandes");
  });
}
