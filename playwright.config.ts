import { defineConfig, devices } from "@playwright/test";

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/support/playwright-setup.ts",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // A stray `test.only` would pass CI on one test: refused there.
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".reports/e2e.json" }]],
  use: {
    // Set by the global setup, which starts the shop on a free port before the workers start.
    baseURL: process.env.STOREFRONT_URL,
    locale: "fr-FR",
    launchOptions: chromium,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "js-on", use: { ...devices["Pixel 7"], launchOptions: chromium, javaScriptEnabled: true } },
    { name: "js-off", use: { ...devices["Pixel 7"], launchOptions: chromium, javaScriptEnabled: false } },
  ],
});
