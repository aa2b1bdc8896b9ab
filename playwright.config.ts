// End-to-end tests: a real browser against the production build, started by
// tests/e2e/support/global-setup.ts with a fresh database and a mail catcher.
// The portal's address reaches the tests through E2E_BASE_URL (see
// tests/e2e/support/harness.ts); the fixtures make it the baseURL.
import { existsSync } from "node:fs";
import os from "node:os";
import { defineConfig, devices } from "@playwright/test";

const CI = Boolean(process.env.CI) && process.env.CI !== "false";
/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e",
  globalSetup: "./tests/e2e/support/global-setup.ts",
  // The teardown is what global setup returns (support/global-teardown.ts).
  fullyParallel: true,
  forbidOnly: CI,
  // Two cores: more workers only make the production server slower for all of them.
  workers: Math.max(1, Math.min(2, os.availableParallelism())),
  retries: CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? "test-results/reports/e2e.json" }]],
  use: {
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    // A retry in CI records what the failing attempt did.
    trace: CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-quic",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
});
