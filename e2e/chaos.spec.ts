import { expect, test, type Route } from '@playwright/test';
import { API, matchEventsResponseSchema, matchViewSchema } from '@courtsync/protocol';
import { startCutProxy } from './support/cut-proxy';
import { openDevice, tap, type Device } from './support/devices';
import { ownServer } from './support/own-server';
import type { Tap } from './support/scoring-script';

// Its own server (killed and restarted mid-run) behind a proxy, so nothing else is disturbed.
const SERVER_PORT = 3160;
const PROXY_PORT = 3161;
const SHARED = 'demo-beach-2';
const ALONE = 'demo-indoor-1';

/** A small seeded generator, so a failing run can be replayed exactly. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every push of a device passes here: some answered 500, some dropped after the commit. */
async function injectFaults(device: Device, faults: { on: boolean; count: number }) {
  let pushes = 0;
  await device.context.route(`**${API.push}`, async (route: Route) => {
    pushes += 1;
    if (!faults.on) return route.continue();
    if (pushes % 5 === 1) {
      faults.count += 1;
      return route.fulfill({ status: 500, body: '{"error":{"code":"INTERNAL","message":"x"}}' });
    }
    if (pushes % 5 === 3) {
      faults.count += 1;
      await route.fetch().catch(() => undefined); // committed (or not), then the answer is lost
      return route.abort('connectionreset');
    }
    return route.continue();
  });
}

async function serverState(base: string, matchId: string) {
  const view = matchViewSchema.parse(await (await fetch(`${base}${API.match(matchId)}`)).json());
  const log = matchEventsResponseSchema.parse(
    await (await fetch(`${base}${API.matchEvents(matchId)}`)).json(),
  );
  return { view, events: log.events };
}

test('chaos: 3 phones (2 on one match), flapping network, 5xx, lost answers, server restart', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const rand = random(20261125);
  const server = ownServer(SERVER_PORT);
  await server.start();
  const proxy = await startCutProxy(PROXY_PORT, SERVER_PORT);
  const base = `http://127.0.0.1:${PROXY_PORT}`;
  const devices = [
    await openDevice(browser, 'one', base, `/matches/${SHARED}`),
    await openDevice(browser, 'two', base, `/matches/${SHARED}`),
    await openDevice(browser, 'three', base, `/matches/${ALONE}`),
  ];
  const faults = { on: true, count: 0 };
  for (const d of devices) await injectFaults(d, faults);
  const scripts: Tap[][] = [
    ['A', 'B', 'A', 'undo', 'A', 'B', 'B', 'A', 'undo', 'A', 'B', 'A', 'A', 'undo', 'B'],
    ['B', 'A', 'B', 'B', 'A', 'A', 'B', 'A', 'B', 'B', 'A', 'B', 'A', 'A', 'B'],
    ['A', 'A', 'undo', 'B', 'A', 'B', 'undo', 'A', 'A', 'B', 'B', 'undo', 'A', 'B', 'A'],
  ];
  try {
    let stop = false;
    let toggles = 0;
    const flapping = (async () => {
      while (!stop) {
        const device = devices[Math.floor(rand() * devices.length)]!;
        await device.context.setOffline(true);
        toggles += 1;
        await new Promise((r) => setTimeout(r, 300 + rand() * 1200));
        await device.context.setOffline(false);
        await new Promise((r) => setTimeout(r, 200 + rand() * 600));
      }
    })();
    const restart = (async () => {
      await new Promise((r) => setTimeout(r, 3_000));
      proxy.cut();
      await server.kill();
      await server.start();
    })();
    await Promise.all(
      devices.map(async (device, i) => {
        for (const action of scripts[i]!) {
          await tap(device.page, action);
          await new Promise((r) => setTimeout(r, 150 + rand() * 350));
        }
      }),
    );
    await restart;
    stop = true;
    await flapping;
    faults.on = false;
    for (const d of devices) await d.context.setOffline(false);

    for (const d of devices) {
      await expect(d.page.getByTestId('pending-count')).toHaveAttribute('data-pending', '0', {
        timeout: 60_000,
      });
      await expect(d.page.getByTestId('failed-count')).toHaveCount(0);
    }
    expect(faults.count).toBeGreaterThan(0);
    console.log(`chaos: ${faults.count} injected faults, ${toggles} offline spells, 1 restart`);

    const shared = await serverState(server.base, SHARED);
    const alone = await serverState(server.base, ALONE);
    // 0 lost, 0 doubled: every tap is in the log exactly once.
    expect(shared.events).toHaveLength(scripts[0]!.length + scripts[1]!.length);
    expect(alone.events).toHaveLength(scripts[2]!.length);
    for (const log of [shared.events, alone.events]) {
      expect(new Set(log.map((e) => e.opId)).size).toBe(log.length);
      expect(new Set(log.map((e) => `${e.clientId}/${e.seq}`)).size).toBe(log.length);
    }
    // Every screen ends on the server's state.
    for (const [device, state] of [
      [devices[0]!, shared.view.state],
      [devices[1]!, shared.view.state],
      [devices[2]!, alone.view.state],
    ] as const) {
      const current = state.sets[state.sets.length - 1]!;
      await expect(device.page.getByTestId('score-a')).toHaveText(String(current.a), {
        timeout: 15_000,
      });
      await expect(device.page.getByTestId('score-b')).toHaveText(String(current.b));
      await expect(device.page.getByTestId('scorekeeper')).toHaveAttribute(
        'data-rallies',
        String(state.rallies),
      );
    }
  } finally {
    for (const d of devices) await d.context.close();
    await proxy.close();
    await server.dispose();
  }
});
