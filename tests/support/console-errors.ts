import { expect, type Page, type TestType } from "@playwright/test";

/**
 * Fails a test on any page error or console error. The browser logs a 404 document as a failed
 * resource: expected on the 404 tests, so that one is let through. A spec whose journey expects a
 * refused form (a 4xx answer to the form's `.data` request) names it in `expected`.
 */
export function failOnConsoleErrors(
  test: TestType<{ page: Page }, object>,
  { expected = [] }: { expected?: RegExp[] } = {},
) {
  const consoleErrors = new WeakMap<Page, string[]>();

  test.beforeEach(async ({ page }) => {
    const errors: string[] = [];
    consoleErrors.set(page, errors);
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (/status of 404/.test(message.text()) && message.location().url === page.url()) return;
      if (expected.some((pattern) => pattern.test(`${message.text()} ${message.location().url}`))) return;
      errors.push(`${message.text()} (${message.location().url})`);
    });
  });

  test.afterEach(async ({ page }) => {
    expect(consoleErrors.get(page)).toEqual([]);
  });
}
