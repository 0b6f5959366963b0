// Headless Chromium as the e2e tests run it (notes/browser-testing.md): Debian's binary, the
// launch args of e2e/support/chromium.ts, a phone-sized context with service workers on.
import { chromium, devices } from '@playwright/test';
import { ensureChromium } from '../../scripts/chromium.mjs';

/** Launches Chromium with the e2e launch args (bundled from e2e/support/chromium.ts). */
export async function launchBrowser(lib) {
  const executablePath = await ensureChromium();
  if (!executablePath) throw new Error('Chromium not found (set CHROMIUM_PATH)');
  return chromium.launch({ executablePath, args: lib.CHROMIUM_ARGS, headless: true });
}

/** A fresh context (own storage, own service workers) shaped like the e2e tests' phone. */
export function newPhoneContext(browser) {
  return browser.newContext({
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 640 },
    serviceWorkers: 'allow',
  });
}

/** Waits until the page is controlled by its origin's active service worker. */
export async function waitForController(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
    );
  });
}
