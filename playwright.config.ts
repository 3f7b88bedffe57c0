// End-to-end tests: the system Chromium against a production build.
//
// Global setup (tests/e2e/support/global-setup.ts) takes a lock, prepares a
// fresh database named for the run (on DATABASE_URL's server, else on an
// embedded PostgreSQL in .data/postgres-e2e), starts an SMTP server on
// 127.0.0.1 that stores every email for the `mailbox` fixture, runs
// `next build`, then `next start` on a free port, and waits for /api/health.
// Its teardown stops everything and drops the database.
//
// Concurrent runs from one working tree: they all build into and serve from
// .next, so a run holds an exclusive `flock` on .data/e2e.lock from the start
// of global setup to the end of teardown; a second run prints that it is
// waiting and starts when the first one ends (the kernel releases the lock
// if a run dies). Database names, ports and mail folders are per run anyway.
//
// WHEELHOUSE_E2E_REUSE_BUILD=1 skips `next build` when a build exists, for
// quick local iterations on specs only.
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/support/chromium";
import { baseUrlIfStarted } from "./tests/e2e/support/run-state";

const CI = Boolean(process.env.CI);
// Playwright empties its output folder before global setup takes the lock, so
// each run writes to its own; global setup removes those of finished runs.
// Set once by the runner; its workers inherit it.
process.env.WHEELHOUSE_E2E_RUN_ID ??= String(process.pid);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: `test-results/run-${process.env.WHEELHOUSE_E2E_RUN_ID}`,
  globalSetup: "./tests/e2e/support/global-setup.ts",
  fullyParallel: true,
  // At most two: the machine has two cores, shared with the app server.
  workers: 2,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  // Generous for a busy two-core machine; a quiet one needs a fraction of this.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Includes global setup: the build, and locally the wait for other runs' lock.
  globalTimeout: (CI ? 20 : 60) * 60_000,
  reporter: CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    // Set by global setup before the workers start (the runner reads this file earlier too).
    baseURL: baseUrlIfStarted(),
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
});
