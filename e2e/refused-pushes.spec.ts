import { gunzipSync } from 'node:zlib';
import { expect, test, type Request } from '@playwright/test';
import { API } from '@courtsync/protocol';
import { tap } from './support/devices';
import { openMatchOnline } from './support/service-worker';
import { serverEvents, serverMatch } from './support/server-state';

/** The ops of a push as the browser sent them (gzip or plain JSON). */
function pushedOps(
  request: Request,
): Array<{ opId: string; matchId: string; payload: { winner?: string } }> {
  const body = request.postDataBuffer() ?? Buffer.alloc(0);
  const gzipped = request.headers()['content-encoding'] === 'gzip';
  const text = (gzipped ? gunzipSync(body) : body).toString('utf8');
  return (JSON.parse(text) as { ops: never[] }).ops;
}

test('401 keeps the ops pending and says so; once accepted they land exactly once', async ({
  context,
  page,
  request,
}) => {
  const MATCH = 'demo-indoor-2';
  await openMatchOnline(page, MATCH);
  const before = (await serverEvents(request, MATCH)).length;
  let signedOut = true;
  await context.route(`**${API.push}`, (route) =>
    signedOut
      ? route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'AUTH_REQUIRED', message: 'Session expired' } }),
        })
      : route.continue(),
  );
  for (const t of ['A', 'B', 'A'] as const) await tap(page, t);
  await expect(page.getByTestId('sync-blocked')).toBeVisible();
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '3');
  await expect(page.getByTestId('failed-count')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('sync-blocked-360x640.png') });

  signedOut = false;
  await page.getByTestId('sync-retry').click();
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '0');
  await expect(page.getByTestId('sync-blocked')).toHaveCount(0);
  const events = await serverEvents(request, MATCH);
  expect(events).toHaveLength(before + 3);
  expect(new Set(events.map((e) => e.opId)).size).toBe(events.length);
});

test('a refused op goes to the failed list; other matches flow; retry and discard', async ({
  context,
  page,
  request,
}) => {
  const HELD = 'demo-indoor-2';
  const OTHER = 'demo-beach-1';
  await openMatchOnline(page, OTHER);
  await openMatchOnline(page, HELD);
  const heldBefore = (await serverEvents(request, HELD)).length;
  const otherBefore = (await serverEvents(request, OTHER)).length;

  // While `poison` is on, any push carrying a point for B in HELD is refused as a whole (400).
  let poison = true;
  await context.route(`**${API.push}`, (route) => {
    const bad = pushedOps(route.request()).some(
      (op) => op.matchId === HELD && op.payload.winner === 'B',
    );
    if (!poison || !bad) return route.continue();
    return route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'injected refusal' } }),
    });
  });

  await tap(page, 'A');
  await expect.poll(async () => (await serverEvents(request, HELD)).length).toBe(heldBefore + 1);
  await tap(page, 'B'); // refused
  await tap(page, 'A'); // kept back behind it: the match's order holds
  await expect(page.getByTestId('failed-count')).toHaveAttribute('data-failed', '1');
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '1');

  // Another match keeps flowing meanwhile.
  await page.goto(`/matches/${OTHER}`);
  await tap(page, 'A');
  await expect.poll(async () => (await serverEvents(request, OTHER)).length).toBe(otherBefore + 1);
  expect((await serverEvents(request, HELD)).length).toBe(heldBefore + 1);

  // Retry from the list once the server accepts: B then the held A land, in order, once.
  await page.goto(`/matches/${HELD}`);
  await page.getByTestId('failed-count').click();
  await expect(page.getByTestId('failed-reason')).toContainText('injected refusal');
  await page.screenshot({ path: test.info().outputPath('failed-list-360x640.png') });
  poison = false;
  await page.getByTestId('retry-failed').click();
  await expect.poll(async () => (await serverEvents(request, HELD)).length).toBe(heldBefore + 3);
  const landed = (await serverEvents(request, HELD)).slice(heldBefore);
  expect(landed.map((e) => e.payload.winner)).toEqual(['A', 'B', 'A']);
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '0');
  await expect(page.getByTestId('failed-count')).toHaveCount(0);

  // Discard: the refused point goes, and the screen shows the server's state.
  poison = true;
  await tap(page, 'B');
  await expect(page.getByTestId('failed-count')).toHaveAttribute('data-failed', '1');
  await page.getByTestId('failed-count').click();
  await page.getByTestId('discard-failed').click();
  await page.getByTestId('confirm-discard').click();
  await expect(page.getByTestId('failed-count')).toHaveCount(0);
  const server = await serverMatch(request, HELD);
  const current = server.state.sets[server.state.sets.length - 1]!;
  await expect(page.getByTestId('score-a')).toHaveText(String(current.a));
  await expect(page.getByTestId('score-b')).toHaveText(String(current.b));
  expect((await serverEvents(request, HELD)).length).toBe(heldBefore + 3);
});
