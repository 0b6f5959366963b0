import { expect, test } from '@playwright/test';
import { API, matchEventsResponseSchema } from '@courtsync/protocol';
import {
  expectEachMatchInOrder,
  OWN_SERVER_PORT,
  openPhone,
  recordArrivals,
  shoot,
  tapOn,
  visitOnline,
} from './support/background-sync';
import { ownServer, type OwnServer } from './support/own-server';

// Its own server and database: these tests finish a demo match and change the demo matches'
// logs, which the other specs expect untouched.
let server: OwnServer;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = ownServer(OWN_SERVER_PORT);
  await server.start();
});
test.afterAll(async () => server?.dispose());

async function events(matchId: string) {
  const response = await fetch(`${server.base}${API.matchEvents(matchId)}`);
  return matchEventsResponseSchema.parse(await response.json()).events;
}

async function waitForEvents(matchId: string, count: number) {
  await expect.poll(async () => (await events(matchId)).length, { timeout: 30_000 }).toBe(count);
}

test('three matches queued offline arrive highest priority first, each in its own order', async ({
  browser,
}) => {
  const [HIGH, NORMAL, LOW] = ['demo-indoor-1', 'demo-indoor-2', 'demo-beach-3'];
  const { context, page } = await openPhone(browser, server.base);
  await visitOnline(page, [`/matches/${LOW}`, `/matches/${NORMAL}`, `/matches/${HIGH}`, '/sync']);
  await context.setOffline(true);
  // Tapped low → normal → high, twice: the device's seq order is the opposite of priority.
  for (const round of [['A', 'B'], ['A']] as const) {
    await tapOn(page, LOW, [...round]);
    await tapOn(page, NORMAL, [...round]);
    await tapOn(page, HIGH, [...round]);
  }
  await page.goto('/sync');
  await expect(page.getByTestId('queue-item')).toHaveCount(9);
  await page.getByTestId(`match-up-${HIGH}`).click();
  await page.getByTestId(`match-down-${LOW}`).click();
  await expect(
    page.locator(`[data-testid=queue-item][data-match=${HIGH}]`).first(),
  ).toHaveAttribute('data-priority', 'high');
  const rows = page.getByTestId('queue-item');
  await expect(rows.first()).toHaveAttribute('data-match', HIGH);
  await expect(rows.last()).toHaveAttribute('data-match', LOW);

  const arrivals = await recordArrivals(context);
  await context.setOffline(false);
  await waitForEvents(LOW, 3);
  await expect.poll(() => arrivals.length).toBe(9);
  expect(arrivals.map((a) => a.matchId)).toEqual([
    ...Array(3).fill(HIGH),
    ...Array(3).fill(NORMAL),
    ...Array(3).fill(LOW),
  ]);
  expectEachMatchInOrder(arrivals);
  for (const id of [HIGH, NORMAL, LOW]) {
    const log = await events(id);
    expect(log).toHaveLength(3);
    expect(log.map((e) => e.opId)).toEqual(
      arrivals.filter((a) => a.matchId === id).map((a) => a.opId),
    );
  }
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  await context.close();
});

test('battery at 10 %, not charging: a finished match waits, the live match goes; Sync now sends the rest', async ({
  browser,
}) => {
  const [FINISHED, LIVE] = ['demo-beach-1', 'demo-beach-2'];
  const { context, page } = await openPhone(browser, server.base, { level: 0.1, charging: false });
  await visitOnline(page, [`/matches/${FINISHED}`, `/matches/${LIVE}`, '/sync']);
  await context.setOffline(true);
  // Beach: 21-0, 21-0 ends the match.
  await tapOn(page, FINISHED, Array(42).fill('A'));
  await expect(page.getByTestId('point-a')).toBeDisabled();
  await tapOn(page, LIVE, ['A', 'B', 'A']);
  await page.goto('/sync');
  await expect(page.getByTestId('queue-item')).toHaveCount(45);
  await page.getByTestId(`match-down-${FINISHED}`).click();
  await expect(
    page.locator(`[data-testid=queue-item][data-match=${FINISHED}][data-priority=low]`),
  ).toHaveCount(42);

  const arrivals = await recordArrivals(context);
  await context.setOffline(false);
  await waitForEvents(LIVE, 3);
  await expect(page.getByTestId('indicator-held')).toContainText('Battery low');
  // Give every flusher (worker, page) time to send what it may: the low ops stay.
  await page.waitForTimeout(3000);
  expect(await events(FINISHED)).toHaveLength(0);
  await expect(page.getByTestId('queue-item')).toHaveCount(42);
  await shoot(page, 'sync-battery-held', (n) => test.info().outputPath(n));

  await page.getByTestId('sync-now').click();
  await waitForEvents(FINISHED, 42);
  await expect.poll(() => arrivals.length).toBe(45);
  expect(arrivals.map((a) => a.matchId)).toEqual([
    ...Array(3).fill(LIVE),
    ...Array(42).fill(FINISHED),
  ]);
  expectEachMatchInOrder(arrivals);
  expect(new Set((await events(FINISHED)).map((e) => e.opId)).size).toBe(42);
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  await context.close();
});

test('/sync offline shows the real queue in three tabs; a failed op is retried once; a new rule reorders the next flush', async ({
  browser,
}) => {
  const [M1, M2] = ['demo-indoor-1', 'demo-indoor-2'];
  const shot = (n: string) => test.info().outputPath(n);
  const { context, page } = await openPhone(browser, server.base);
  await visitOnline(page, [`/matches/${M1}`, `/matches/${M2}`, '/sync']);
  const before = { m1: (await events(M1)).length, m2: (await events(M2)).length };
  await context.setOffline(true);
  await tapOn(page, M1, ['A', 'A']);
  await shoot(page, 'scorekeeper-nav-dot', shot);
  await tapOn(page, M2, ['B', 'A']);
  await page.goto('/sync');

  // Sync Queue: the four ops, in sending order, from IndexedDB.
  const rows = page.getByTestId('queue-item');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText('Lakeside Lions vs Harbor Hawks');
  await expect(page.getByTestId('sync-indicator-detailed')).toHaveAttribute(
    'data-status',
    'offline',
  );
  await shoot(page, 'sync-queue-offline', shot);
  // Priority View: the same queue in numbers.
  await page.getByTestId('tab-priority').click();
  await expect(page.getByTestId('figure-total')).toHaveText('4');
  await expect(page.getByTestId('figure-levels')).toHaveText('HIGH 0 · NORMAL 4 · LOW 0');
  await shoot(page, 'sync-priority-view-offline', shot);
  // Priority Rules: the defaults.
  await page.getByTestId('tab-rules').click();
  await expect(page.getByTestId('rule')).toHaveCount(3);
  await shoot(page, 'sync-rules-offline', shot);

  // Back online, the server refuses M2's first op: it fails, its next op is held.
  let poison = true;
  const arrivals = await recordArrivals(
    context,
    (ops) => poison && ops.some((op) => op.matchId === M2),
  );
  await page.getByTestId('tab-queue').click();
  await context.setOffline(false);
  await waitForEvents(M1, before.m1 + 2);
  const failed = page.locator('[data-testid=queue-item][data-status=failed]');
  await expect(failed).toHaveCount(1);
  await expect(failed.getByTestId('queue-error')).toContainText('injected refusal');
  await expect(page.locator('[data-testid=queue-item][data-status=held]')).toHaveCount(1);
  await shoot(page, 'sync-queue-failed', shot);
  poison = false;
  await failed.getByTestId('queue-retry').click();
  await waitForEvents(M2, before.m2 + 2);
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  const m2Log = (await events(M2)).slice(before.m2);
  expect(new Set(m2Log.map((e) => e.opId)).size).toBe(2);
  expect(m2Log.map((e) => e.payload.winner)).toEqual(['B', 'A']);

  // A rule made in the editor: M2 first, although M1's ops were queued before.
  await context.setOffline(true);
  await tapOn(page, M1, ['A', 'B']);
  await tapOn(page, M2, ['A', 'B']);
  await page.goto('/sync');
  await page.getByTestId('tab-rules').click();
  await page.getByTestId('rule-new').click();
  await page.getByTestId('rule-name').fill('Hall B first');
  await page.getByTestId('condition-kind').selectOption('match');
  await page.getByTestId('condition-match').selectOption(M2);
  await page.getByTestId('rule-points').fill('60');
  await shoot(page, 'sync-rule-editor', shot);
  await page.getByTestId('rule-save').click();
  await expect(page.getByTestId('rule')).toHaveCount(4);
  await page.getByTestId('tab-queue').click();
  await expect(page.getByTestId('queue-item').first()).toHaveAttribute('data-match', M2);
  arrivals.length = 0;
  await context.setOffline(false);
  await waitForEvents(M1, before.m1 + 4);
  await waitForEvents(M2, before.m2 + 4);
  await expect.poll(() => arrivals.length).toBe(4);
  expect(arrivals.map((a) => a.matchId)).toEqual([M2, M2, M1, M1]);
  await page.getByTestId('tab-priority').click();
  await expect(page.getByTestId('server-metrics')).toBeVisible();
  await shoot(page, 'sync-priority-view-online', shot);
  await context.close();
});
