import { readFile } from "node:fs/promises";
import { createClient } from "@sanity/client";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import type { Order } from "~/modules/orders/order-document";
import { expectNoAxeViolations } from "../support/axe";
import { failOnConsoleErrors } from "../support/console-errors";
import { readPdf } from "../support/pdf";
import { chooseWallet } from "../support/wallet";

/**
 * What the buyer gets after paying, in Chromium with JavaScript on and off: the receipt in the
 * sandbox mail catcher, the download, access codes, a manual delivery, "Mes commandes" and a
 * verified review.
 */
// « Renvoyer mes accès » past its hourly limit is answered 429, which the browser logs.
failOnConsoleErrors(test, { expected: [/status of 429 \(Too Many Requests\) .*\/commande\/ASH-/] });

const lake = createClient({
  projectId: "demo",
  dataset: "production",
  apiVersion: "2025-02-19",
  apiHost: process.env.SANDBOX_LAKE_URL,
  useProjectHostname: false,
  useCdn: false,
  token: process.env.SANDBOX_LAKE_TOKEN,
});

interface Caught {
  subject: string;
  text: string;
  html: string;
}

async function mailsTo(address: string, subjectStart: string): Promise<Caught[]> {
  const response = await fetch(`${process.env.SANDBOX_MAIL_URL}/api/messages?to=${encodeURIComponent(address)}`);
  return ((await response.json()) as Caught[]).filter((mail) => mail.subject.startsWith(subjectStart));
}

/** An address per test and project, so that runs never read each other's mail. */
const emailFor = (info: TestInfo, what: string) => `${what}-${info.project.name}@example.com`;

async function mailTo(address: string, subjectStart: string): Promise<Caught> {
  let found: Caught | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${process.env.SANDBOX_MAIL_URL}/api/messages?to=${encodeURIComponent(address)}`);
        found = ((await response.json()) as Caught[]).find((mail) => mail.subject.startsWith(subjectStart));
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

async function buy(page: Page, productSlug: string, email: string) {
  await page.goto(`/produits/${productSlug}`);
  await page.locator("main form[action='/panier'] button[type=submit]").first().click();
  await expect(page).toHaveURL(/\/commande\?produit=/);
  await page.getByLabel("Nom complet").fill("Fatou Ndiaye");
  await page.getByLabel(/Numéro WhatsApp/).fill("+221 77 000 00 01");
  await page.getByLabel(/E-mail/).fill(email);
  await chooseWallet(page, "Lygos Pay");
  await page.locator("main form button[type=submit]").last().click();
  await page.getByLabel("Numéro mobile money").fill("600000001");
  await page.getByRole("button", { name: /^Payer/ }).click();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  const number = (await page.getByTestId("order-number").innerText()).trim();
  return (await lake.getDocument<Order>(`order-${number}`))!;
}

test("pay, get the receipt, open its link and download the file, stamped with the buyer and the order", async ({
  page,
}, info) => {
  const email = emailFor(info, "recu");
  const order = await buy(page, "guide-chatgpt-pour-entrepreneurs-africains", email);
  const receipt = await mailTo(email, "Votre commande");
  expect(receipt.subject).toContain(order.number);
  const link = /(http:\/\/\S+\/commande\/ASH-[2-9A-Z]{6}\?t=\S+)/.exec(receipt.text)![1]!;

  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByTestId("order-number")).toHaveText(order.number);
  const downloadLink = page.getByTestId("download-link").first();
  await expect(downloadLink).toBeVisible();
  expect(await page.content()).not.toContain("/files/demo/");
  const [download] = await Promise.all([page.waitForEvent("download"), downloadLink.click()]);
  expect(download.suggestedFilename()).toBe("guide-chatgpt-pour-entrepreneurs-africains.pdf");
  const bytes = await readFile((await download.path())!);
  const original = await readFile("sanity/seed/files/guide-chatgpt-pour-entrepreneurs-africains.pdf");
  expect(bytes.subarray(0, original.length).equals(original)).toBe(true);
  const { pages, subject } = await readPdf(bytes);
  for (const text of pages) expect(text).toContain(`Exemplaire de ${order.customer.name} · `);
  for (const text of pages) expect(text).toContain(`commande ${order.number} du `);
  expect(subject).toContain(order.number);
  const logged = (await lake.getDocument<Order>(order._id))!.downloads ?? [];
  expect(logged).toHaveLength(1);
});

test("an access product shows its code as soon as it is paid", async ({ page }, info) => {
  await buy(page, "windows-11-professionnel", emailFor(info, "code"));
  await expect(page.getByTestId("access-code")).toHaveText(/^DEMO-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
});

test("a code comes with its activation steps and a copy button, and « Renvoyer mes accès » e-mails it again, three times an hour", async ({
  page,
  context,
  javaScriptEnabled,
}, info) => {
  const email = emailFor(info, "renvoi");
  const order = await buy(page, "carte-spotify-premium-3-mois", email);
  const code = page.getByTestId("access-code");
  await expect(code).toHaveText(/^DEMO-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  const value = (await code.innerText()).trim();
  // The steps an editor wrote in Studio (« Étapes d'activation »), next to the code.
  const steps = page.getByTestId("access-delivered").getByTestId("activation-steps");
  await expect(steps.getByRole("heading", { name: "Étapes d'activation" })).toBeVisible();
  await expect(steps.getByRole("listitem")).toHaveCount(4);
  await expect(steps.getByRole("listitem").first()).toContainText("Ouvrez spotify.com/redeem dans votre navigateur");
  await expect(steps.getByRole("link", { name: "spotify.com/redeem" })).toHaveAttribute(
    "href",
    "https://www.spotify.com/redeem",
  );

  // The receipt carries them too, in both parts.
  const receipt = await mailTo(email, "Votre commande");
  expect(receipt.text).toContain(`- Carte Spotify Premium 3 mois : ${value}`);
  expect(receipt.text).toContain(
    "  1. Ouvrez spotify.com/redeem (https://www.spotify.com/redeem) dans votre navigateur",
  );
  expect(receipt.html).toContain("Étapes d'activation");
  expect(receipt.html).toContain('<a href="https://www.spotify.com/redeem"');

  const copy = page.getByRole("button", { name: "Copier" });
  if (javaScriptEnabled) {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await copy.click();
    await expect(page.getByTestId("copy-status")).toHaveText("Copié");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  } else {
    // Without JavaScript the code is text the buyer selects in one tap.
    await expect(copy).toHaveCount(0);
    await expect(code).toHaveCSS("user-select", "all");
  }

  const resend = page.getByRole("button", { name: "Renvoyer mes accès par e-mail" });
  for (let sent = 1; sent <= 3; sent++) {
    await resend.click();
    await expect(page.getByTestId("resend-answer")).toContainText(`r•••@example.com`);
    await expect.poll(async () => (await mailsTo(email, "Vos accès")).length, { timeout: 15_000 }).toBe(sent);
  }
  const [again] = await mailsTo(email, "Vos accès");
  expect(again!.subject).toContain(order.number);
  expect(again!.text).toContain(`- Carte Spotify Premium 3 mois : ${value}`);
  expect(again!.text).toContain("  4. Premium est actif tout de suite");
  expect(again!.html).toContain(value);

  // The fourth within the hour is refused, in French, and sends nothing.
  await resend.click();
  await expect(page.getByTestId("resend-error")).toContainText("Vos accès ont déjà été renvoyés 3 fois cette heure-ci");
  await expectNoAxeViolations(page, "an order page with a code, its steps and « Renvoyer mes accès »");
  expect(await mailsTo(email, "Vos accès")).toHaveLength(3);
  const log = (await lake.getDocument<Order>(order._id))!.paymentLog.filter((entry) => entry.state === "access-resent");
  expect(log).toHaveLength(3);
});

test("a manual delivery waits, then shows the access once an editor marks it delivered", async ({ page }, info) => {
  const order = await buy(page, "installation-et-activation-a-distance", emailFor(info, "manuel"));
  const waiting = page.getByTestId("access-waiting");
  await expect(waiting).toBeVisible();
  await expect(waiting.getByRole("link", { name: /WhatsApp/ })).toHaveAttribute(
    "href",
    new RegExp(encodeURIComponent(order.number)),
  );
  expect((await lake.getDocument<Order>(order._id))!.fulfilment?.status).toBe("to_deliver");

  // What the Studio's "Marquer livrée" writes, with the credentials the editor entered.
  const at = new Date().toISOString();
  const line = order.lines[0]!;
  await lake
    .patch(order._id)
    .set({ "fulfilment.status": "delivered", "fulfilment.deliveredAt": at })
    .setIfMissing({ "fulfilment.deliveries": [] })
    .append("fulfilment.deliveries", [
      { _key: "e2e", lineKey: line._key, productId: line.productId, method: "manual", code: "AnyDesk 123 456 789", at },
    ])
    .commit();
  await page.reload();
  await expect(page.getByTestId("access-code")).toHaveText("AnyDesk 123 456 789");
  await expect(waiting).toHaveCount(0);
});

test("Mes commandes: ask by e-mail, open the link, find the order", async ({ page }, info) => {
  const email = emailFor(info, "mes-commandes");
  const order = await buy(page, "pack-50-modeles-de-cv", email);
  await page.context().clearCookies();
  await page.goto("/mes-commandes");
  await page.getByLabel("E-mail ou numéro WhatsApp").fill(email);
  await page.getByRole("button", { name: "Recevoir le lien par e-mail" }).click();
  await expect(page.getByTestId("my-orders-answer")).toContainText("Si des commandes correspondent");
  const mail = await mailTo(email, "Vos commandes");
  await page.goto(/(http:\/\/\S+\/mes-commandes\/liste\?jeton=\S+)/.exec(mail.text)![1]!);
  const entry = page.getByTestId("my-order").filter({ hasText: order.number });
  await expect(entry).toBeVisible();
  await entry.getByRole("link").click();
  await expect(page.getByTestId("order-number")).toHaveText(order.number);
  await expect(page.getByTestId("download-link").first()).toBeVisible();
});

test("a review from a paid order shows after moderation, with the verified badge", async ({ page }, info) => {
  const order = await buy(page, "500-prompts-chatgpt-prets-a-l-emploi", emailFor(info, "avis"));
  const name = `Kofi ${info.project.name}`;
  const form = page.getByTestId("order-review").first();
  await form.getByLabel("5 sur 5").check();
  await form.getByLabel("Votre nom").fill(name);
  await form.getByLabel("Votre avis").fill("Des prompts vraiment utiles au quotidien.");
  await form.getByRole("button", { name: "Envoyer mon avis" }).click();
  await expect(page.getByTestId("review-thanks")).toBeVisible();

  const review = await lake.fetch<{ _id: string; verified: boolean; orderNumber: string; status: string }>(
    `*[_type == "review" && name == $name][0]`,
    { name },
  );
  expect(review).toMatchObject({ verified: true, orderNumber: order.number, status: "pending" });
  await page.goto("/produits/500-prompts-chatgpt-prets-a-l-emploi");
  await expect(page.getByTestId("review").filter({ hasText: name })).toHaveCount(0);

  await lake.patch(review._id).set({ status: "published" }).commit();
  // The product page is cached for a couple of seconds in the e2e stack.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId("review").filter({ hasText: name }).count();
      },
      { timeout: 20_000, intervals: [1_000] },
    )
    .toBe(1);
  const shown = page.getByTestId("review").filter({ hasText: name });
  await expect(shown.getByTestId("verified-badge")).toHaveText("Achat vérifié");
  await expect(page.getByTestId("rating-summary")).toBeVisible();
});
