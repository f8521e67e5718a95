import { expect, test } from "@playwright/test";
import { stack, lake, useStudioStack } from "../support/studio";

/**
 * The merchant in the real Studio: orders written by the storefront, « Marquer livrée », and a
 * payment log that reads in French.
 */
useStudioStack();

/** A paid order waiting for delivery, as the storefront writes it (the payment confirmed by Lygos). */
function paidOrder(number: string) {
  const now = new Date().toISOString();
  return {
    _id: `order-${number}`,
    _type: "order",
    number,
    checkoutId: `studio-e2e-${number}`,
    status: "paid",
    paidAt: now,
    currency: "XAF",
    lines: [
      {
        _key: "line1",
        productId: "product-canva-pro-1-an",
        title: "Canva Pro 1 an",
        slug: "canva-pro-1-an",
        kind: "access",
        listPrice: 8500,
        unitPrice: 8500,
        quantity: 1,
        total: 8500,
      },
    ],
    subtotal: 8500,
    total: 8500,
    customer: { name: "Awa Test", whatsapp: "237690000001", email: "awa@example.com" },
    paymentMethod: "lygos",
    accessToken: "studio-e2e-access-token",
    callbackToken: "studio-e2e-callback-token",
    payments: [],
    paymentLog: [
      {
        _key: "log1",
        at: now,
        source: "callback",
        provider: "lygos",
        reference: "studio-e2e",
        rawStatus: "SUCCESS",
        state: "paid",
        amount: 8500,
        currency: "XAF",
        note: "payment confirmed",
      },
    ],
    statusReason: "payment confirmed",
    fulfilment: { status: "to_deliver", receiptSentAt: now },
  };
}

test("an order written by the storefront is under Commandes, and « Marquer livrée » puts what the merchant types on the buyer's order page", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await lake.createOrReplace(paidOrder("ASH-STUDIO"));
  await page.goto(`${stack.baseUrl}/commande/ASH-STUDIO?t=studio-e2e-access-token`);
  await expect(page.getByTestId("access-waiting")).toBeVisible();

  await page.goto(`${stack.sandbox.studioUrl}/structure/orders;orders-to-deliver`);
  await expect(page.getByText("ASH-STUDIO — Awa Test")).toBeVisible({ timeout: 30_000 });
  await page.getByText("ASH-STUDIO — Awa Test").click();
  // The motive the storefront recorded, in French.
  await expect(page.locator("#statusReason")).toHaveText("Paiement confirmé", { timeout: 30_000 });
  // Edited without drafts: said in French, not Sanity's « Live ».
  await expect(page.getByText("En direct", { exact: true })).toBeVisible();
  await expect(page.getByText("Live", { exact: true })).toHaveCount(0);
  // Waiting for delivery: « Marquer livrée » is the page's primary button, not hidden in « … ».
  await page.getByRole("button", { name: "Marquer livrée" }).first().click();
  // The merchant writes what the buyer needs for the line handed over by hand.
  const credentials = "Identifiant : awa@example.com\nMot de passe : Canva-Studio-2026";
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Accès pour « Canva Pro 1 an »").fill(credentials);
  await dialog.getByRole("button", { name: "Confirmer la livraison" }).click();
  await expect
    .poll(async () => (await lake.getDocument("order-ASH-STUDIO"))?.fulfilment?.status, { timeout: 10_000 })
    .toBe("delivered");
  const { fulfilment } = (await lake.getDocument("order-ASH-STUDIO"))!;
  expect(fulfilment.deliveredAt).toEqual(expect.any(String));
  expect(fulfilment.deliveries).toEqual([
    {
      _key: expect.any(String),
      lineKey: "line1",
      productId: "product-canva-pro-1-an",
      method: "manual",
      code: credentials,
      at: fulfilment.deliveredAt,
    },
  ]);

  await page.goto(`${stack.baseUrl}/commande/ASH-STUDIO?t=studio-e2e-access-token`);
  await expect(page.getByTestId("access-delivered")).toBeVisible();
  await expect(page.getByTestId("access-code")).toHaveText(credentials);
});

test("an order's payment log reads in French, whatever the storefront recorded", async ({ page }) => {
  test.setTimeout(120_000);
  // Its log entry's note is stored as the storefront writes it: « payment confirmed ».
  await lake.createOrReplace(paidOrder("ASH-JOURNAL"));
  await page.goto(`${stack.sandbox.studioUrl}/structure/orders;orders-all;order-ASH-JOURNAL`);
  await expect(page.locator("input#number")).toBeVisible({ timeout: 90_000 });
  await page.getByRole("tab", { name: "Paiements" }).click();
  const entry = page.getByText("Payé (notification du prestataire)");
  await expect(entry).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Paiement confirmé/).first()).toBeVisible();
  await expect(page.getByText(/payment confirmed/)).toHaveCount(0);
  await entry.click();
  await expect(page.getByRole("dialog").getByText("Paiement confirmé", { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/payment confirmed/)).toHaveCount(0);
});
