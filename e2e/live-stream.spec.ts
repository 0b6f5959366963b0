import { expect, test, type Page } from '@playwright/test';
import { API } from '@courtsync/protocol';
import { startCutProxy } from './support/cut-proxy';
import { openDevice, shownScore, tap } from './support/devices';
import { ownServer } from './support/own-server';

// Its own server (restarted mid-test) behind a proxy whose connections the test cuts.
const SERVER_PORT = 3150;
const PROXY_PORT = 3151;
const MATCH = 'demo-beach-1';
const TOURNAMENT = 'demo-open';

/** Opens a raw EventSource in the page that records every feed event it is given. */
async function recordFeed(page: Page): Promise<void> {
  await page.evaluate((url) => {
    const seen: Array<{ position: number; opId: string }> = [];
    (window as unknown as { __feed: typeof seen }).__feed = seen;
    const source = new EventSource(url);
    (window as unknown as { __source: EventSource }).__source = source;
    source.addEventListener('feed', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { events: typeof seen };
      for (const ev of data.events) seen.push({ position: ev.position, opId: ev.opId });
    });
  }, `${API.stream}?tournament=${TOURNAMENT}`);
}

/** Waits until the recording EventSource is connected again. */
async function streamOpen(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { __source: EventSource }).__source.readyState === 1,
    undefined,
    { timeout: 20_000 },
  );
}

const recorded = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __feed: Array<{ position: number; opId: string }> }).__feed,
  );

test('a spectator sees every point within 1 s, across a cut stream and a server restart', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = ownServer(SERVER_PORT);
  await server.start();
  const proxy = await startCutProxy(PROXY_PORT, SERVER_PORT);
  const base = `http://127.0.0.1:${PROXY_PORT}`;
  const keeper = await openDevice(browser, 'keeper', base, `/matches/${MATCH}`);
  const fan = await openDevice(browser, 'fan', base, `/matches/${MATCH}/live`);
  try {
    await expect(fan.page.getByTestId('live-board')).toBeVisible();
    await recordFeed(fan.page);
    const latencies: number[] = [];
    let points = 0;
    /** A point at the keeper's phone; `timed` ones count toward the 1 s promise. */
    const pointAndWatch = async (timed = true) => {
      const started = Date.now();
      await tap(keeper.page, 'A');
      points += 1;
      await expect(fan.page.getByTestId('score-a')).toHaveText(String(points), {
        timeout: 15_000,
      });
      if (timed) latencies.push(Date.now() - started);
    };

    for (let i = 0; i < 4; i += 1) await pointAndWatch();

    // Every connection drops; a point is scored while the streams are down. Both
    // EventSources (the app's and the recorder) reconnect with Last-Event-ID and catch up.
    proxy.cut();
    await pointAndWatch(false);
    await streamOpen(fan.page);
    for (let i = 0; i < 3; i += 1) await pointAndWatch();

    // The server crashes and comes back on the same data: the feed resumes where it was.
    await server.kill();
    await server.start();
    await pointAndWatch(false);
    await streamOpen(fan.page);
    await fan.page.waitForTimeout(1_500); // the app's own stream reconnects on its timer too
    for (let i = 0; i < 3; i += 1) await pointAndWatch();

    console.log(`spectator latency (ms): ${latencies.join(', ')}`);
    expect(Math.max(...latencies)).toBeLessThanOrEqual(1_000);
    expect(await shownScore(fan.page)).toBe(`${points}-0`);
    await fan.page.screenshot({ path: test.info().outputPath('live-board-360x640.png') });

    // The raw stream gave every event exactly once, in order, across both interruptions.
    const pulled = await fetch(`${server.base}${API.pull}?match=${MATCH}&cursor=0`);
    const all = ((await pulled.json()) as { events: Array<{ opId: string }> }).events;
    await expect.poll(async () => (await recorded(fan.page)).length).toBe(all.length);
    const feed = await recorded(fan.page);
    expect(feed.map((e) => e.opId)).toEqual(all.map((e) => e.opId));
    const positions = feed.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(new Set(positions).size).toBe(positions.length);
  } finally {
    await keeper.context.close();
    await fan.context.close();
    await proxy.close();
    await server.dispose();
  }
});
