import { expect, type BrowserContext, type Page } from '@playwright/test';
import { SYNC_TAG } from '@courtsync/protocol';
import { scorekeeperOn } from './auth';

/** Waits until the page is controlled by the active service worker (clientsClaim). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
    );
  });
}

/**
 * Fires the app's Background Sync event in the service worker over CDP, as the browser would
 * (works with no page of the app open). Returns once CDP accepted the dispatch.
 */
export async function dispatchSync(context: BrowserContext, origin: string): Promise<void> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const registrations = new Map<string, { scopeURL: string; isDeleted: boolean }>();
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) =>
      e.registrations.forEach((r) => registrations.set(r.registrationId, r)),
    );
    await cdp.send('ServiceWorker.enable');
    const deadline = Date.now() + 10_000;
    let registrationId: string | undefined;
    while (!registrationId && Date.now() < deadline) {
      registrationId = [...registrations].find(
        ([, r]) => r.scopeURL === `${origin}/` && !r.isDeleted,
      )?.[0];
      if (!registrationId) await new Promise((r) => setTimeout(r, 100));
    }
    if (!registrationId) throw new Error('no service worker registration for ' + origin);
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin,
      registrationId,
      tag: SYNC_TAG,
      lastChance: false,
    });
    await cdp.detach();
  } finally {
    await page.close();
  }
}

/**
 * Opens a match's scorekeeper screen online as its scorekeeper (signed in as the first demo
 * scorekeeper, match claimed), waits for the worker to control it, and reloads once so the
 * page is in the worker's runtime cache and the match in IndexedDB.
 */
export async function openMatchOnline(page: Page, matchId: string): Promise<void> {
  await scorekeeperOn(page.context(), matchId);
  await page.goto(`/matches/${matchId}`);
  await waitForServiceWorker(page);
  await page.reload();
  await expect(page.getByTestId('scorekeeper')).toBeVisible();
}
