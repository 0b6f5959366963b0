import { expect, test, type Route } from '@playwright/test';
import { API } from '@courtsync/protocol';
import { replayFull } from '@courtsync/scoring';
import { CHROMIUM_ARGS, FAST_BACKGROUND_SYNC_ARGS } from './support/chromium';
import { readStore } from './support/local-db';
import { dispatchSync, openMatchOnline } from './support/service-worker';
import { tapAll, toEvents, type Tap } from './support/scoring-script';
import { databaseEventRows, serverMatch, serverEvents } from './support/server-state';

// Browser-level retries of a failed sync must come quickly for this test.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    args: [...CHROMIUM_ARGS, ...FAST_BACKGROUND_SYNC_ARGS],
  },
});

const MATCH = 'demo-beach-2';
type Failure = 'http-500' | 'connection-aborted' | 'response-dropped-after-commit';
const FAILURES: Failure[] = ['http-500', 'connection-aborted', 'response-dropped-after-commit'];

test('broken network mid-flush: 500, aborted connection, lost response — every op exactly once', async ({
  context,
  page,
  request,
  baseURL,
}) => {
  await openMatchOnline(page, MATCH);

  await context.setOffline(true);
  const taps: Tap[] = ['A', 'B', 'B', 'A', 'undo', 'A', 'A', 'B', 'A', 'B', 'A', 'A', 'B', 'A'];
  await tapAll(page, taps);
  const localOpIds = (await readStore<{ opId: string }>(page, 'outbox')).map((o) => o.opId).sort();

  // Every push goes through here, the worker's included (context.route sees them).
  const attempts: Array<{ mode: Failure | 'pass'; fromWorker: boolean; committed?: number }> = [];
  await context.route(`**${API.push}`, async (route: Route) => {
    const mode = FAILURES[attempts.length] ?? 'pass';
    const attempt: (typeof attempts)[number] = {
      mode,
      fromWorker: route.request().serviceWorker() !== null,
    };
    attempts.push(attempt);
    if (mode === 'http-500') {
      return route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'INTERNAL', message: 'injected' } }),
      });
    }
    if (mode === 'connection-aborted') return route.abort('connectionreset');
    if (mode === 'response-dropped-after-commit') {
      const response = await route.fetch();
      const body = (await response.json()) as { results: Array<{ status: string }> };
      attempt.committed = body.results.filter((r) => r.status === 'applied').length;
      return route.abort('connectionreset');
    }
    return route.continue();
  });

  await page.close();
  await context.setOffline(false);

  // Chromium retries the failed sync by itself (fast field trial); nudge it over CDP if a
  // retry does not come, as a browser would on its next wake-up.
  let seen = 0;
  let idleSince = Date.now();
  await expect
    .poll(
      async () => {
        if (attempts.length !== seen) {
          seen = attempts.length;
          idleSince = Date.now();
        } else if (Date.now() - idleSince > 6_000) {
          idleSince = Date.now();
          await dispatchSync(context, new URL(baseURL!).origin);
        }
        return (await serverEvents(request, MATCH)).length === taps.length && attempts.length > 3;
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(true);

  expect(attempts.slice(0, 3).map((a) => a.mode)).toEqual(FAILURES);
  expect(attempts.every((a) => a.fromWorker)).toBe(true);
  // The dropped response hid a real commit: the retry must have been answered as duplicates.
  expect(attempts[2]!.committed).toBe(taps.length);

  const events = await serverEvents(request, MATCH);
  expect(events).toHaveLength(taps.length);
  expect(events.map((e) => e.opId).sort()).toEqual(localOpIds);
  const server = await serverMatch(request, MATCH);
  expect(server.state).toEqual(replayFull('beach', toEvents(taps)));
  expect(server.version).toBe(taps.length);

  const rows = await databaseEventRows(MATCH);
  if (rows) {
    expect(rows).toHaveLength(taps.length);
    expect(new Set(rows.map((r) => r.op_id)).size).toBe(taps.length);
  }

  const again = await context.newPage();
  await again.goto(`/matches/${MATCH}`);
  await expect(again.getByTestId('pending-count')).toHaveAttribute('data-pending', '0');
  expect(await readStore(again, 'outbox')).toHaveLength(0);
});
