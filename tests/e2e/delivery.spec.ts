import { readFile } from "node:fs/promises";
import { createClient } from "@sanity/client";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import type { Order } from "~/modules/orders.server";
import { failOnConsoleErrors } from "../support/console-errors";
import { readPdf } from "../support/pdf";
import { chooseWallet } from "../support/wallet";

/**
 * What the buyer gets after paying, in Chromium with JavaScript on and off: the receipt in the
 * sandbox mail catcher, the download, access codes, a manual delivery, "Mes commandes" and a
 * verified review.
 */
failOnConsoleErrors(test);

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

test("pay, get the receipt, open its link and download the file, stamped with the buyer and the order", async ({ page }, info) => {
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

test("a manual delivery waits, then shows the access once an editor marks it delivered", async ({ page }, info) => {
  const order = await buy(page, "installation-et-activation-a-distance", emailFor(info, "manuel"));
  const waiting = page.getByTestId("access-waiting");
  await expect(waiting).toBeVisible();
  await expect(waiting.getByRole("link", { name: /WhatsApp/ })).toHaveAttribute("href", new RegExp(encodeURIComponent(order.number)));
  expect((await lake.getDocument<Order>(order._id))!.fulfilment?.status).toBe("to_deliver");

  // What the Studio's "Marquer livrée" writes, with the credentials the editor entered.
  const at = new Date().toISOString();
  const line = order.lines[0]!;
  await lake
    .patch(order._id)
    .set({ "fulfilment.status": "delivered", "fulfilment.deliveredAt": at })
    .setIfMissing({ "fulfilment.deliveries": [] })
    .append("fulfilment.deliveries", [{ _key: "e2e", lineKey: line._key, productId: line.productId, method: "manual", code: "AnyDesk 123 456 789", at }])
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
