import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { API } from '@courtsync/protocol';
import { claimMatch, signInAs } from './support/auth';
import { serverMatch } from './support/server-state';

const MATCH = 'demo-indoor-2';

/**
 * Scores a rally for A straight through the API, as another scorekeeper's phone would (signed
 * in as the match's scorekeeper, who holds its claim).
 */
async function pushRally(request: APIRequestContext): Promise<void> {
  await signInAs(request);
  await claimMatch(request, MATCH);
  const op = {
    opId: randomUUID(),
    clientId: randomUUID(),
    seq: 1,
    matchId: MATCH,
    type: 'rally',
    payload: { winner: 'A' },
    clientTime: new Date().toISOString(),
  };
  const response = await request.post(API.push, { data: { ops: [op] } });
  expect(response.status()).toBe(200);
}

/** The current set's points of team A on a live board. */
async function currentA(request: APIRequestContext): Promise<string> {
  const { state } = await serverMatch(request, MATCH);
  return String(state.sets[state.sets.length - 1]!.a);
}

async function openBoard(page: Page): Promise<void> {
  await page.goto(`/matches/${MATCH}/live`);
  await expect(page.getByTestId('live-board')).toBeVisible();
}

test('one live stream per browser, shared by its tabs; the next tab takes over (F17)', async ({
  context,
  page,
  request,
}) => {
  const streams: string[] = [];
  context.on('request', (r) => {
    if (new URL(r.url()).pathname === API.stream) streams.push(r.url());
  });
  await openBoard(page);
  const second = await context.newPage();
  await openBoard(second);
  await expect.poll(() => streams.length).toBe(1);

  // The tab without the stream still follows every point (passed on over BroadcastChannel).
  await pushRally(request);
  const expected = await currentA(request);
  await expect(page.getByTestId('score-a')).toHaveText(expected);
  await expect(second.getByTestId('score-a')).toHaveText(expected);
  expect(streams).toHaveLength(1);

  // The tab holding the stream closes: the other takes the lock and opens its own.
  await page.close();
  await expect.poll(() => streams.length).toBe(2);
  await pushRally(request);
  await expect(second.getByTestId('score-a')).toHaveText(await currentA(request));
});
