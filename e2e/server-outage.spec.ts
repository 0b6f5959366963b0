import { expect, test } from '@playwright/test';
import { replayFull } from '@courtsync/scoring';
import { tap } from './support/devices';
import { openMatchOnline } from './support/service-worker';
import { databaseEventRows, serverEvents, serverMatch } from './support/server-state';

// No fast Background Sync flags here: after a failed sync Chromium waits 5 minutes, so the
// open page's own recovery (backoff + reachability probe) is what must deliver the taps.
const MATCH = 'demo-indoor-1';

test('a 3 s server outage: 5 taps land within 5 s of recovery, exactly once', async ({
  context,
  page,
  request,
}) => {
  await openMatchOnline(page, MATCH);
  expect(await serverEvents(request, MATCH)).toHaveLength(0);

  // The whole API answers 503, as a server behind a load balancer does while it restarts.
  let outage = true;
  let refused = 0;
  await context.route('**/api/v1/**', async (route) => {
    if (!outage) return route.continue();
    refused += 1;
    return route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'INTERNAL', message: 'injected outage' } }),
    });
  });
  const outageStarted = Date.now();
  const taps = ['A', 'A', 'B', 'A', 'B'] as const;
  for (const t of taps) await tap(page, t);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '5');
  await page.waitForTimeout(Math.max(0, 3_000 - (Date.now() - outageStarted)));
  expect(refused).toBeGreaterThan(0);

  outage = false;
  const recovered = Date.now();
  await expect
    .poll(async () => (await serverEvents(request, MATCH)).length, {
      timeout: 5_000,
      intervals: [100],
    })
    .toBe(5);
  const deliveredMs = Date.now() - recovered;
  console.log(`outage: all 5 ops on the server ${deliveredMs} ms after recovery`);

  const events = await serverEvents(request, MATCH);
  expect(new Set(events.map((e) => e.opId)).size).toBe(5);
  expect((await serverMatch(request, MATCH)).state).toEqual(
    replayFull(
      'indoor',
      taps.map((winner) => ({ type: 'rally', winner })),
    ),
  );
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '0');
  const rows = await databaseEventRows(MATCH);
  if (rows) expect(rows).toHaveLength(5);
});
