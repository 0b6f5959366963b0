import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './e2e/support/chromium';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; Playwright's own as a last resort. */
const executablePath =
  process.env.CHROMIUM_PATH ??
  ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

// With PostgreSQL available, the e2e server runs on a fresh database the tests can read too.
if (process.env.TEST_DATABASE_URL && !process.env.E2E_DATABASE_URL) {
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = '/courtsync_e2e';
  process.env.E2E_DATABASE_URL = url.toString();
}

export default defineConfig({
  testDir: './e2e',
  // One worker: the specs share one server and 2 cores; service-worker timing needs headroom.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 640 },
    browserName: 'chromium',
    // Service workers are what we test: keep them on.
    serviceWorkers: 'allow',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { E2E_PORT: String(PORT), E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? '' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
