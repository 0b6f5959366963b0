import { expect, test } from '@playwright/test';
import { API } from '@courtsync/protocol';
import { claimMatch, DEMO_PASSWORD, signInAs, USERS } from './support/auth';
import { tap } from './support/devices';
import { ownServer } from './support/own-server';
import { waitForServiceWorker } from './support/service-worker';

// A server of this spec's own, with a sign-in that lapses in seconds instead of days.
const SERVER_PORT = Number(process.env.E2E_PORT ?? 3100) + 52;
const ACCESS_TTL_S = 25;
const REFRESH_TTL_S = 35;
const MATCH = 'demo-indoor-1';

test('sign-in lapses while offline with 30 queued: back online it asks to sign in; then all 30 land once (F21)', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const server = ownServer(SERVER_PORT, {
    AUTH_ACCESS_TTL_SECONDS: String(ACCESS_TTL_S),
    AUTH_REFRESH_TTL_SECONDS: String(REFRESH_TTL_S),
  });
  await server.start();
  const context = await browser.newContext({ baseURL: server.base, serviceWorkers: 'allow' });
  try {
    await signInAs(context.request, 'scorer1');
    const signedInAt = Date.now();
    await claimMatch(context.request, MATCH);
    const page = await context.newPage();
    await page.goto(`/matches/${MATCH}`);
    await waitForServiceWorker(page);
    await page.reload();
    await expect(page.getByTestId('signed-in-as')).toContainText('Sam Scorer');
    await expect(page.getByTestId('claim-bar')).toHaveAttribute('data-state', 'mine');

    await context.setOffline(true);
    for (let i = 0; i < 30; i += 1) await tap(page, i % 3 === 0 ? 'B' : 'A');
    await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '30');
    // Wait, offline, until the access token and the refresh token have both expired.
    const lapse = signedInAt + (REFRESH_TTL_S + 2) * 1000 - Date.now();
    if (lapse > 0) await page.waitForTimeout(lapse);

    const pushes: number[] = [];
    context.on('response', (r) => {
      if (r.url().endsWith(API.push)) pushes.push(r.status());
    });
    await context.setOffline(false);
    // Back online: the flush (worker or page) is refused, renewing fails, and the app asks.
    await expect(page.getByTestId('sync-blocked')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('sync-blocked')).toContainText('Sign in again');
    await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '30');
    await expect(page.getByTestId('failed-count')).toHaveCount(0);
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.every((s) => s === 401)).toBe(true);
    const before = (await (await fetch(`${server.base}${API.matchEvents(MATCH)}`)).json()) as {
      events: unknown[];
    };
    expect(before.events).toHaveLength(0);
    await page.screenshot({ path: test.info().outputPath('sign-in-again-360.png') });

    // Sign in through the page the banner links to; it comes back to the match.
    await page.getByTestId('sync-sign-in').click();
    await page.getByTestId('login-email').fill(USERS.scorer1);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`**/matches/${MATCH}`);
    await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '0', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('sync-blocked')).toHaveCount(0);

    const after = (await (await fetch(`${server.base}${API.matchEvents(MATCH)}`)).json()) as {
      events: { opId: string }[];
    };
    expect(after.events).toHaveLength(30);
    expect(new Set(after.events.map((e) => e.opId)).size).toBe(30);
    // The device's own ops, every one of them, in the order tapped.
    const tapped = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('courtsync');
          open.onsuccess = () => {
            const req = open.result.transaction('confirmed').objectStore('confirmed').getAll();
            req.onsuccess = () =>
              resolve((req.result as { opId: string; matchId: string }[]).map((e) => e.opId));
          };
        }),
    );
    expect(after.events.map((e) => e.opId)).toEqual(tapped);
  } finally {
    await context.close();
    await server.dispose();
  }
});
