import { expect, test, type Locator, type Page } from "@playwright/test";
import { failOnConsoleErrors } from "../support/console-errors";

/**
 * Storefront forms refused by the server, with JavaScript on and off (decision 026): the error
 * summary takes the focus, links to each field, and each field points at its own error.
 */
failOnConsoleErrors(test, { expected: [/status of 400 .*\/(commande|produits\/[a-z0-9-]+)(\.data)?(\?|$)/] });

const PRODUCT = "/produits/500-prompts-chatgpt-prets-a-l-emploi";

/** The field's `aria-describedby` names an element that says `message`. */
async function expectDescribedBy(page: Page, field: Locator, message: string | RegExp) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const ids = (await field.getAttribute("aria-describedby"))?.split(" ") ?? [];
  expect(ids.length).toBeGreaterThan(0);
  await expect(page.locator(`[id="${ids[0]}"]`)).toHaveText(message);
}

test("a refused checkout: the summary takes the focus, links to each field, and each field points at its error", async ({
  page,
}) => {
  await page.goto(PRODUCT);
  await page.locator("main form[action='/panier'] button[type=submit]").first().click();
  await expect(page).toHaveURL(/\/commande\?produit=/);
  await page.getByLabel(/E-mail/).fill("pas-un-email");
  await page.getByRole("button", { name: /^Payer/ }).click();
  const summary = page.getByTestId("error-summary");
  // Without JavaScript too: the summary carries `autofocus` in the server's HTML.
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Nom complet" })).toHaveAttribute("href", "#name");
  await expectDescribedBy(page, page.getByLabel("Nom complet"), "Indiquez votre nom complet.");
  await expectDescribedBy(page, page.getByLabel(/E-mail/), /.+/);
  // What was typed is kept.
  await expect(page.getByLabel(/E-mail/)).toHaveValue("pas-un-email");
});

test("a refused review: the same summary and field errors as the checkout", async ({ page }) => {
  await page.goto(PRODUCT);
  await page.getByText("Donner mon avis").click();
  const form = page.getByTestId("review-form");
  await form.getByRole("button", { name: "Envoyer mon avis" }).click();
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expectDescribedBy(page, form.getByLabel("Votre nom"), /.+/);
  await expectDescribedBy(page, form.getByLabel("Votre avis"), /.+/);
});
