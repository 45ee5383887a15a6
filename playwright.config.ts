import { defineConfig } from "@playwright/test";

// API and UI tests run against the built app (`server.mjs`, as `npm start`) on a throw-away database:
// SQLite by default, PostgreSQL when TEST_DATABASE_URL is set (see scripts/e2e-server.mjs).
const port = Number(process.env.E2E_PORT ?? 3999);
// Every server the tests start (the e2e server, second instances, kill -9 runs) lets anyone sign up,
// so tests make users freely; e2e/api/access/sign-up-modes.spec.ts starts servers with other modes.
process.env.SIGNUP_MODE ??= "open";
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  // Assertions wait for what the user waits for (a response, a ready page); on a loaded 2-core CI
  // machine a cold page can take longer than Playwright's 5 s default, which is not a failure.
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    timezoneId: "UTC",
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
    },
  },
  projects: [
    { name: "api", testMatch: /api\/.*\.spec\.ts/, testIgnore: /fuzz\.spec\.ts/ },
    { name: "sdk", testMatch: /sdk\/.*\.spec\.ts/ },
    { name: "ui", testMatch: /ui\/.*\.spec\.ts/, use: { browserName: "chromium" } },
    // The fuzzer saturates the server for minutes: it runs after the other projects, so their
    // timings (live updates, UI waits) are not measured against it.
    { name: "fuzz", testMatch: /api\/fuzz\.spec\.ts/, dependencies: process.env.TEST_DATABASE_URL ? ["api", "sdk"] : ["api", "sdk", "ui"] },
    // Writes docs/screenshots: only through `npm run screenshots`, never in `npm test`.
    ...(process.env.SWEETDATE_SCREENSHOTS === "1" ? [{ name: "screenshots", testMatch: /screenshots\/.*\.spec\.ts/, use: { browserName: "chromium" as const } }] : []),
  ],
  webServer: {
    command: `node scripts/e2e-server.mjs ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
