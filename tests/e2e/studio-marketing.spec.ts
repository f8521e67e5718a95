import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  stack,
  lake,
  useStudioStack,
  openStudio,
  enabledPublishButton,
  publish,
  storefrontHtml,
} from "../support/studio";

/**
 * Marketers in the real Studio: scheduled and new promotions on the home page, which banner wins,
 * dates in the shop's time zone whatever the computer's, and « Publier » pressed twice.
 */
useStudioStack();

test("a marketer publishes a scheduled promotion: the home page shows it only inside its window", async ({ page }) => {
  test.setTimeout(240_000);
  // The demo's long-running banner is left in place: the latest start wins (decision 020).
  // Far enough ahead for the Studio to open, validate and publish before the window opens, even on
  // two loaded cores (opening alone can take a minute there).
  const startsAt = Date.now() + 90_000;
  const endsAt = startsAt + 15_000;
  await lake.createOrReplace({
    _id: "drafts.promotion-flash-studio",
    _type: "promotion",
    title: "Vente flash du Studio",
    text: "Une promotion programmée depuis le Studio.",
    linkLabel: "J'en profite",
    link: "/produits",
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
  });
  await openStudio(page, "marketing;promotions;promotion-flash-studio");
  await publish(page, "promotion-flash-studio");
  expect(Date.now()).toBeLessThan(startsAt);
  expect(await storefrontHtml("/")).not.toContain("Vente flash du Studio");
  await expect
    .poll(() => storefrontHtml("/"), { timeout: startsAt - Date.now() + 10_000, intervals: [1_000] })
    .toContain("Vente flash du Studio");
  await expect
    .poll(() => storefrontHtml("/"), { timeout: endsAt - Date.now() + 10_000, intervals: [1_000] })
    .not.toContain("Vente flash du Studio");
});

test("a marketer publishes a new promotion: published without error, shown on the home page, the Studio says which banner wins", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const title = "Vente flash du marketeur";
  await lake.createOrReplace({
    _id: "drafts.promotion-vente-flash-marketeur",
    _type: "promotion",
    title,
    text: "Publiée pendant que Black Friday tourne encore.",
    linkLabel: "J'en profite",
    link: "/produits",
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  await openStudio(page, "marketing;promotions;promotion-vente-flash-marketeur");
  await expect(page.getByText("Affichée dès la publication")).toBeVisible({ timeout: 30_000 });

  expect(await publish(page, "promotion-vente-flash-marketeur")).toEqual([200]);
  expect((await lake.getDocument("promotion-vente-flash-marketeur"))?.title).toBe(title);
  await expect(page.getByText("Affichée sur la boutique")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/Une erreur s'est produite|not found/)).toHaveCount(0);

  await expect.poll(() => storefrontHtml("/"), { timeout: 10_000 }).toContain(title);
  expect(await storefrontHtml("/")).not.toContain("Black Friday Ashtech : jusqu&#x27;à -25 %");

  await openStudio(page, "marketing;promotions;promotion-black-friday-ashtech");
  await expect(page.getByText(`Masquée par « ${title} »`)).toBeVisible({ timeout: 30_000 });
  await lake.delete("promotion-vente-flash-marketeur");
});

async function studioIn(browser: Browser, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({
    timezoneId,
    locale: "fr-FR",
    viewport: { width: 1400, height: 900 },
    ignoreHTTPSErrors: true,
  });
  return context.newPage();
}

for (const timezoneId of ["UTC", "Africa/Douala"]) {
  test(`with the computer in ${timezoneId}, dates are read and typed in the shop's time zone (Africa/Douala), and the storefront shows the same day`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const page = await studioIn(browser, timezoneId);
    await openStudio(page, "marketing;promotions;promotion-black-friday-ashtech");
    // Stored 2026-11-20T23:00:00Z: midnight on the 21st in Douala.
    const startsAt = page.getByRole("textbox", { name: "Début" });
    await expect(startsAt).toHaveValue("2026-11-21 00:00", { timeout: 30_000 });
    await startsAt.fill("2026-11-22 10:00");
    await startsAt.press("Enter");
    await expect
      .poll(async () => (await lake.getDocument("drafts.promotion-black-friday-ashtech"))?.startsAt, {
        timeout: 15_000,
      })
      .toBe("2026-11-22T09:00:00.000Z");
    await lake.delete("drafts.promotion-black-friday-ashtech");

    await page.goto(`${stack.baseUrl}/`);
    await expect(page.getByRole("region", { name: "Promotion en cours" })).toContainText("Jusqu'au 31 décembre 2027");
    await page.context().close();
  });
}

test("a double-clicked « Publier » publishes once, without an error, and the button settles disabled", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await lake.createOrReplace({
    _id: "drafts.promotion-double-clic",
    _type: "promotion",
    title: "Double clic du marketeur",
    text: "Publiée d'un double clic.",
    linkLabel: "J'en profite",
    link: "/produits",
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  });
  await openStudio(page, "marketing;promotions;promotion-double-clic");
  // One publish sent and accepted: the second press, landing before the footer turns « Publier »
  // off, is ignored (sanity/actions/publishOnce.ts).
  expect(await publish(page, "promotion-double-clic", { doubleClick: true })).toEqual([200]);
  // Settled for good: with no draft left in the Studio's view, « Publier » is off because there is
  // nothing to publish, not because a publish is running (that state times out after a few seconds,
  // which is how the button used to come back on).
  await expect(enabledPublishButton(page)).toHaveCount(0);
  await expect(page.getByText(/Une erreur s'est produite|not found/)).toHaveCount(0);
  await lake.delete("promotion-double-clic");
});
