import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * axe on the page as it stands: no violation of WCAG 2.1 AA or axe's best practices. axe runs as a
 * script inside the page, which a browser with JavaScript off never executes (Playwright's evaluate
 * waits for ever), so it is checked in the js-on project only: without JavaScript the browser shows
 * the same server-rendered markup that js-on checks before hydration changes nothing of its structure.
 */
export async function expectNoAxeViolations(page: Page, where: string) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.nodes.length}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
  expect(summary, `axe on ${where}`).toEqual([]);
}
