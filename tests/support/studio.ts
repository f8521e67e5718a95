import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import type { SanityClient } from "@sanity/client";
import { lakeClient } from "./shopper";
import { startStack, type Stack } from "./stack";

/**
 * The real Studio (the cached `sanity build`, served by the sandbox lake over HTTP/2) for a spec
 * file: `useStudioStack()` starts the shop with it once per file; `stack` and `lake` are live
 * bindings, set before the file's first test.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const STUDIO_DIR = path.join(repoRoot, "sanity/dist");

export let stack: Stack;
export let lake: SanityClient;

/** Serial tests on a desktop-sized Studio, JS on only; `env` goes to the storefront. */
export function useStudioStack(env: Record<string, string> = {}): void {
  test.describe.configure({ mode: "serial" });
  test.use({ viewport: { width: 1400, height: 900 }, isMobile: false, hasTouch: false, ignoreHTTPSErrors: true });
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "the Studio is a JavaScript application");
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    stack = await startStack({ studioDir: STUDIO_DIR, env });
    lake = lakeClient(stack);
  });
  test.afterAll(async () => {
    await stack?.stop();
  });
}

export async function openStudio(page: Page, pane: string) {
  await page.goto(`${stack.sandbox.studioUrl}/structure/${pane}`);
  // A cold Studio on two shared cores can take a while to open its first document.
  // Inputs by id (the field's name): Sanity 6 sets the field wrappers' data-testid only once its
  // change-indicator tracker is attached, which can lag far behind the form on a loaded machine.
  await expect(page.locator("input#title, input#number").first()).toBeVisible({ timeout: 90_000 });
}

/** A field group's tab; a click landing while the form is still mounting its groups is retried. */
export async function openGroup(page: Page, name: string, field: string) {
  const tab = page.getByRole("tab", { name });
  await expect(async () => {
    await tab.click();
    await expect(page.locator(`input#${field}`)).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
}

/** The footer's « Publier » while it can be pressed. */
export const enabledPublishButton = (page: Page) =>
  page.getByTestId("pane-footer").getByRole("button", { name: "Publier", exact: true, disabled: false });

/**
 * Presses « Publier » as an editor does and waits for the Studio's own signals, never a fixed time:
 * - a press the Studio handles disables « Publier » at once (« Validation du document en cours… »,
 *   then « Publication en cours… »); one that lands while React swaps the button is lost, and only
 *   then is it pressed again;
 * - the Studio holds the publish until its validation pass over the current revision ends, which
 *   takes seconds on two loaded cores: the published document is waited for in the lake;
 * - settled: the Studio saw the draft go (its listener), so « Publier » stays disabled and no
 *   « Brouillon » is left in the footer.
 * Returns the status of each publish request the Studio sent.
 */
export async function publish(page: Page, publishedId: string, { doubleClick = false } = {}): Promise<number[]> {
  const answers: Promise<number>[] = [];
  page.on("request", (request) => {
    // An aborted request (the Studio drops a publish it superseded) answers 0.
    if (request.url().includes("/data/actions/") && request.url().includes("document.publish"))
      answers.push(request.response().then((response) => response?.status() ?? 0));
  });
  const button = enabledPublishButton(page);
  await expect(button).toBeVisible({ timeout: 30_000 });
  if (doubleClick) await button.dblclick();
  else await button.click();
  const handled = await expect(button)
    .toHaveCount(0, { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (!handled && !(await lake.getDocument(publishedId))) await button.click();
  await expect.poll(async () => (await lake.getDocument(publishedId))?._id, { timeout: 60_000 }).toBe(publishedId);
  const footer = page.getByTestId("pane-footer");
  await expect(footer.getByRole("button", { name: "Publier", exact: true, disabled: true })).toBeVisible({
    timeout: 15_000,
  });
  await expect(footer).not.toContainText("Brouillon");
  expect(await lake.getDocument(`drafts.${publishedId}`)).toBeUndefined();
  return Promise.all(answers);
}

export async function storefrontHtml(pathname: string): Promise<string> {
  const response = await fetch(`${stack.baseUrl}${pathname}`);
  return response.text();
}

export const block = (text: string) => ({
  _type: "block",
  _key: Math.random().toString(36).slice(2, 10),
  style: "normal",
  markDefs: [],
  children: [{ _type: "span", _key: "s1", text, marks: [] }],
});
