import { expect, test } from '@playwright/test';
import { replayFull } from '@courtsync/scoring';
import { readStore } from './support/local-db';
import { openMatchOnline } from './support/service-worker';
import { THIRTY_RALLIES_TWO_UNDOS, tapAll, toEvents } from './support/scoring-script';
import {
  databaseEventRows,
  serverEvents,
  serverMatch,
  waitForServerEvents,
} from './support/server-state';

const MATCH = 'demo-beach-1';

test('offline courtside: score offline, reload offline, sync from the worker with no page open', async ({
  context,
  page,
  request,
}) => {
  await openMatchOnline(page, MATCH);
  const before = await serverEvents(request, MATCH);
  expect(before).toHaveLength(0);

  await context.setOffline(true);
  await expect(page.getByTestId('connection')).toHaveText('Offline');
  const taps = THIRTY_RALLIES_TWO_UNDOS;
  expect(taps.filter((t) => t !== 'undo')).toHaveLength(30);
  await tapAll(page, taps);

  const expected = replayFull('beach', toEvents(taps));
  const current = expected.sets[expected.sets.length - 1]!;
  await expect(page.getByTestId('score-a')).toHaveText(String(current.a));
  await expect(page.getByTestId('score-b')).toHaveText(String(current.b));

  // Reload while still offline: the worker serves the page, IndexedDB the score.
  await page.reload();
  await expect(page.getByTestId('scorekeeper')).toBeVisible();
  await expect(page.getByTestId('score-a')).toHaveText(String(current.a));
  await expect(page.getByTestId('score-b')).toHaveText(String(current.b));
  await expect(page.getByTestId('set-1')).toContainText('21-0');
  await expect(page.getByTestId('pending-count')).toHaveAttribute(
    'data-pending',
    String(taps.length),
  );

  const outbox = await readStore<{ opId: string; seq: number }>(page, 'outbox');
  expect(outbox).toHaveLength(taps.length);
  const localOpIds = outbox.map((o) => o.opId).sort();

  // Close every page, then reconnect: the pending Background Sync fires in the worker alone.
  await page.close();
  expect(context.pages()).toHaveLength(0);
  await context.setOffline(false);

  const events = await waitForServerEvents(request, MATCH, taps.length);
  expect(events).toHaveLength(taps.length);
  expect(events.map((e) => e.opId).sort()).toEqual(localOpIds);
  expect(new Set(events.map((e) => `${e.clientId}:${e.seq}`)).size).toBe(taps.length);

  const server = await serverMatch(request, MATCH);
  expect(server.state).toEqual(expected);
  expect(server.eventCount).toBe(taps.length);

  const rows = await databaseEventRows(MATCH);
  if (rows) {
    expect(rows).toHaveLength(taps.length);
    expect(rows.map((r) => r.op_id).sort()).toEqual(localOpIds);
  }

  // A new page shows an empty outbox: the worker removed every acked op.
  const again = await context.newPage();
  await again.goto(`/matches/${MATCH}`);
  await expect(again.getByTestId('pending-count')).toHaveAttribute('data-pending', '0');
  expect(await readStore(again, 'outbox')).toHaveLength(0);
  await expect(again.getByTestId('score-a')).toHaveText(String(current.a));
});
