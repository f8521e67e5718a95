import { expect, test, type Page } from "@playwright/test";
import { failOnConsoleErrors } from "../support/console-errors";
import { expectNoAxeViolations } from "../support/axe";

/**
 * Country first, then operator, on a phone (360 and 390 px), JavaScript on and off: the checkout
 * offers exactly what the routing table allows, fails over when Lygos is down, and a payment that
 * waits can go to another operator on the same order. axe checks the checkout and order pages.
 */
// « Payer avec un autre opérateur » is refused (400) while the first payment may still be paid.
failOnConsoleErrors(test, { expected: [/status of 400 .*\/commande\/ASH-[A-Z0-9]+(\.data)?\?t=/] });

/** The demo routing table: Lygos's contract, plus Guinea and the demo Lengo account (sandbox/index.ts). */
const TABLE: Record<string, string[]> = {
  BJ: ["MTN Mobile Money", "Moov Money"],
  BF: ["Moov Money"],
  CM: ["MTN Mobile Money"],
  CG: ["MTN Mobile Money"],
  CI: ["MTN Mobile Money", "Orange Money", "Wave"],
  GA: ["Airtel Money"],
  GN: ["Orange Money", "MTN Mobile Money"],
  KE: ["M-Pesa"],
  CD: ["Orange Money", "M-Pesa Vodacom", "Airtel Money"],
  RW: ["MTN Mobile Money", "Airtel Money"],
  SN: ["Free Money", "Orange Money", "Wave"],
  TZ: ["Airtel Money", "Tigo Pesa", "HaloPesa"],
  ZM: ["Airtel Money", "MTN Mobile Money"],
};

async function openCheckout(page: Page) {
  await page.goto("/produits/guide-chatgpt-pour-entrepreneurs-africains");
  await page.locator("main form[action='/panier'] button[type=submit]").first().click();
  await expect(page).toHaveURL(/\/commande\?produit=/);
}

async function chooseCountry(page: Page, country: string) {
  await page.getByLabel("Votre pays").selectOption(country);
  const show = page.getByRole("button", { name: "Voir les opérateurs" });
  if (await show.isVisible()) await show.click();
}

async function fillBuyer(page: Page) {
  await page.getByLabel("Nom complet").fill("Awa Diallo");
  await page.getByLabel(/E-mail/).fill("awa@example.com");
}

for (const width of [360, 390]) {
  test.describe(`${width} px`, () => {
    test.use({ viewport: { width, height: 780 } });

    test("offers, country by country, exactly the operators of the routing table", async ({ page }) => {
      // Thirteen countries, each a round trip without JavaScript.
      test.setTimeout(150_000);
      await openCheckout(page);
      await expect(page.getByLabel("Votre pays").locator("option")).toHaveCount(Object.keys(TABLE).length);
      for (const [country, operators] of Object.entries(TABLE)) {
        await chooseCountry(page, country);
        await expect(page.getByTestId("operators").locator("label > span")).toHaveText(operators);
      }
      await expectNoAxeViolations(page, page.url());
    });
  });
}

test.describe("phone", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("a local number is understood, and Lengo takes the payment when Lygos is down", async ({ page }) => {
    await fetch(`${process.env.SANDBOX_LYGOS_URL}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // Not `times`: the reconciler's status reads (GET /gateway/payin/…) would use it up.
      body: JSON.stringify({ status5xx: 503, path: "/gateway" }),
    });
    await openCheckout(page);
    await fillBuyer(page);
    await chooseCountry(page, "CM");
    await page.getByLabel("Numéro WhatsApp").fill("690 12 34 56");
    await page.getByRole("radio", { name: "MTN Mobile Money", exact: true }).check();
    await page.getByRole("button", { name: /^Payer/ }).click();
    // Lengo's hosted page (its brand in the header).
    await expect(page.locator("header .brand")).toHaveText("Lengo Pay");
    await fetch(`${process.env.SANDBOX_LYGOS_URL}/__sandbox/reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    await page.getByLabel("Numéro mobile money").fill("600000001");
    await page.getByRole("button", { name: /^Payer/ }).click();
    await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  });

  test("a payment that waits: guidance, then another operator on the same order", async ({ page }) => {
    await openCheckout(page);
    await fillBuyer(page);
    await chooseCountry(page, "CM");
    await page.getByLabel("Numéro WhatsApp").fill("+237 690 12 34 57");
    await page.getByRole("radio", { name: "MTN Mobile Money", exact: true }).check();
    await page.getByRole("button", { name: /^Payer/ }).click();
    await expect(page.locator("header .brand")).toHaveText("Lygos Pay");
    // Pending, then expired at the provider a few seconds later.
    await page.getByLabel("Numéro mobile money").fill("600000005");
    await page.getByRole("button", { name: /^Payer/ }).click();
    await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "pending");
    await expect(page.getByTestId("time-left")).toContainText(/Il vous reste \d+ min/);
    const number = (await page.getByTestId("order-number").innerText()).trim();

    const orderUrl = page.url();
    await expect(async () => {
      await page.goto(orderUrl);
      await page.getByLabel("Votre pays").selectOption("GN");
      const show = page.getByRole("button", { name: "Voir les opérateurs" });
      if (await show.isVisible()) await show.click();
      await page.getByRole("radio", { name: "Orange Money", exact: true }).check();
      await page.getByRole("button", { name: /avec cet opérateur/ }).click();
      await expect(page.locator("header .brand")).toHaveText("Lengo Pay", { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await page.getByLabel("Numéro mobile money").fill("600000001");
    await page.getByRole("button", { name: /^Payer/ }).click();
    await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
    await expect(page.getByTestId("order-number")).toHaveText(number);
    // The order page, once it stops refreshing itself.
    await expectNoAxeViolations(page, page.url());
  });
});
