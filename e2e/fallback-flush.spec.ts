import { expect, test } from '@playwright/test';
import { replayFull } from '@courtsync/scoring';
import { openMatchOnline } from './support/service-worker';
import { tapAll, toEvents, type Tap } from './support/scoring-script';
import { serverEvents, serverMatch, waitForServerEvents } from './support/server-state';

const MATCH = 'demo-indoor-2';

// Browsers without Background Sync (iOS Safari, Firefox): the page itself flushes on
// `online` and on start (F9). Removing SyncManager before any app code runs makes Chromium
// look like one of them.
test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    delete (window as { SyncManager?: unknown }).SyncManager;
  });
});

test('without Background Sync the page flushes on `online` and on start (F9)', async ({
  context,
  page,
  request,
}) => {
  await openMatchOnline(page, MATCH);
  expect(await page.evaluate(() => 'SyncManager' in window)).toBe(false);

  // 1. Back online with the page open: the `online` event flushes.
  await context.setOffline(true);
  const first: Tap[] = ['A', 'A', 'B', 'undo', 'B'];
  await tapAll(page, first);
  await context.setOffline(false);
  await waitForServerEvents(request, MATCH, first.length);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '0');

  // 2. Ops left behind when the page closed offline: the next start flushes them.
  await context.setOffline(true);
  const second: Tap[] = ['A', 'B', 'A'];
  await tapAll(page, second);
  await page.close();
  await context.setOffline(false);
  // No Background Sync was registered, so nothing arrives until the app starts again.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await serverEvents(request, MATCH)).toHaveLength(first.length);
  const again = await context.newPage();
  await again.goto(`/matches/${MATCH}`);
  const events = await waitForServerEvents(request, MATCH, first.length + second.length);
  expect(events).toHaveLength(first.length + second.length);
  expect(new Set(events.map((e) => e.opId)).size).toBe(events.length);
  expect((await serverMatch(request, MATCH)).state).toEqual(
    replayFull('indoor', toEvents([...first, ...second])),
  );
  await expect(again.getByTestId('pending-count')).toHaveAttribute('data-pending', '0');
});
