import { API, DEFAULT_SYNC_SETTINGS, type FlushReport, type Op } from '@courtsync/protocol';
import { replay } from '@courtsync/scoring';
import { BackgroundSyncManager, STATUS_DELAY_MS } from './background-sync-manager';
import type { BatteryLike, ConnectivityEnv } from './connectivity-env';
import { ConnectivityDetector } from './connectivity-detector';
import type { CourtSyncDb } from './courtsync-db';
import { fakeSyncServer } from './fake-sync-server';
import { inProcessFlushLock } from './flush-lock';
import { setPriority } from './outbox-rescore';
import { record } from './record';
import { freshDb, seedLocalMatch } from './test-support';

/** A battery the test sets. */
const battery: BatteryLike & { level: number; charging: boolean } = {
  level: 1,
  charging: true,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
};

/** The manager on a fake server, fake battery and Jest's fake timers. */
async function harness(matches: Record<string, 'beach' | 'indoor'>) {
  const server = fakeSyncServer(matches);
  const reports: FlushReport[] = [];
  const starts: unknown[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), 'http://courtsync.test').pathname;
    if (path === API.background.metrics && init?.method === 'POST') {
      reports.push(...(JSON.parse(String(init.body)) as { reports: FlushReport[] }).reports);
      return Response.json({ stored: 1, duplicates: 0 });
    }
    if (path === API.background.start) starts.push(JSON.parse(String(init?.body)));
    if (path.startsWith('/api/v1/sync/background')) return new Response('', { status: 404 });
    return server.fetch(input, init);
  }) as typeof fetch;
  const db = freshDb();
  for (const id of Object.keys(matches)) await seedLocalMatch(db, id, matches[id]);
  const timers = {
    setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms),
    clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  };
  const env: ConnectivityEnv = {
    navigator: { onLine: true, getBattery: async () => battery },
    fetch: fetchFn,
    ...timers,
  };
  const detector = new ConnectivityDetector(env, { everyMs: 60 * 60_000 });
  const manager = new BackgroundSyncManager(
    {
      db,
      fetch: fetchFn,
      detector,
      ...timers,
      flushOptions: { lock: inProcessFlushLock(), broadcast: false, compress: false, batchSize: 4 },
    },
    DEFAULT_SYNC_SETTINGS,
  );
  const arrived = () => server.pushes.flatMap((p) => p.ops as Op[]);
  return { server, db, manager, arrived, reports, starts };
}

const rally = (db: CourtSyncDb, matchId: string, winner: 'A' | 'B' = 'A') =>
  record(db, { matchId, type: 'rally', payload: { winner } });

/** Ends a match on the device (as its last point would): it is no longer live. */
async function finish(db: CourtSyncDb, matchId: string) {
  const state = replay('beach', []);
  await db.matches.update(matchId, { state: { ...state, rallies: 42, winner: 'A' } });
}

const tick = (ms: number) => jest.advanceTimersByTimeAsync(ms);

/** Lets IndexedDB work (real setImmediate turns) run until `done()` holds. */
async function until(done: () => boolean, turns = 5000) {
  for (let i = 0; i < turns && !done(); i += 1) await new Promise((r) => setImmediate(r));
  expect(done()).toBe(true);
}

/**
 * Starts the manager and lets its start-up run finish: the detector's first reading counts
 * as the connection coming back, so an app that opens online sends what it kept at once.
 */
async function startSettled(manager: BackgroundSyncManager) {
  await manager.start();
  await until(() => !manager.state.running);
}

describe('BackgroundSyncManager', () => {
  beforeEach(() => {
    // IndexedDB (fake-indexeddb) schedules with setImmediate: keep the real one.
    jest.useFakeTimers({
      now: 5_000_000,
      doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'],
    });
    Object.assign(battery, { level: 1, charging: true });
  });
  afterEach(() => jest.useRealTimers());

  it('runs on the interval and sends by priority, each match in its own order', async () => {
    const h = await harness({ a: 'beach', b: 'beach', c: 'indoor' });
    for (let i = 0; i < 9; i += 1) await rally(h.db, ['a', 'b', 'c'][i % 3]!, i % 2 ? 'A' : 'B');
    await setPriority(h.db, { matchId: 'c' }, 'high');
    await setPriority(h.db, { matchId: 'a' }, 'low');
    await h.manager.start();
    await tick(4 * 60_000);
    expect(h.arrived()).toHaveLength(0);
    await tick(60_000 + 100);
    await until(() => h.arrived().length === 9 && h.manager.state.lastSuccessAt !== undefined);
    const order = h.arrived().map((o) => `${o.matchId}:${o.seq}`);
    expect(order).toEqual(['c:3', 'c:6', 'c:9', 'b:2', 'b:5', 'b:8', 'a:1', 'a:4', 'a:7']);
    expect(await h.db.outbox.count()).toBe(0);
    expect(h.manager.state.lastSuccessAt).toBeDefined();
    // The flush report went to the server after the flush.
    await until(() => h.reports.length === 1);
    expect(h.reports).toEqual([
      expect.objectContaining({ items: 9, failures: 0, waitMs: expect.any(Number) }),
    ]);
    // And again 5 minutes later (nothing to send now), counted from when this run has ended
    // and the next one is planned.
    await until(() => !h.manager.state.running);
    await new Promise((r) => setImmediate(r));
    await rally(h.db, 'b');
    await tick(5 * 60_000 + 100);
    await until(() => h.arrived().length === 10);
    h.manager.stop();
  });

  it('on a low battery holds back work that is not urgent; a live match still goes; Sync now sends the rest', async () => {
    const h = await harness({ live: 'beach', old: 'beach', vip: 'indoor' });
    await rally(h.db, 'old');
    await rally(h.db, 'old');
    await rally(h.db, 'vip');
    await rally(h.db, 'live');
    await finish(h.db, 'old');
    await finish(h.db, 'vip');
    await setPriority(h.db, { matchId: 'old' }, 'low');
    await setPriority(h.db, { matchId: 'vip' }, 'high');
    Object.assign(battery, { level: 0.1, charging: false });
    await h.manager.start();
    const result = await h.manager.runAuto();
    expect(result).toMatchObject({ applied: 2, deferred: 2, pending: 2 });
    expect(h.arrived().map((o) => o.matchId)).toEqual(['vip', 'live']);
    expect(h.manager.state.verdict).toMatchObject({ urgentOnly: true, reason: 'low-battery' });
    const now = await h.manager.syncNow();
    expect(now).toMatchObject({ applied: 2, deferred: 0, pending: 0 });
    expect(h.arrived().map((o) => o.matchId)).toEqual(['vip', 'live', 'old', 'old']);
    await until(() => h.starts.length === 1);
    h.manager.stop();
  });

  it('sends nothing automatically while sync is off; Sync now overrides; settings are validated', async () => {
    const h = await harness({ m1: 'beach' });
    await startSettled(h.manager);
    await h.manager.updateSettings({
      ...DEFAULT_SYNC_SETTINGS,
      enabled: false,
      syncIntervalMinutes: 1,
    });
    await rally(h.db, 'm1');
    expect(await h.manager.runAuto()).toBeUndefined();
    await tick(3 * 60_000);
    expect(h.arrived()).toHaveLength(0);
    await expect(
      h.manager.updateSettings({ ...DEFAULT_SYNC_SETTINGS, minimumBatteryLevel: 200 }),
    ).rejects.toThrow(/minimumBatteryLevel/);
    expect(await h.manager.syncNow()).toMatchObject({ applied: 1 });
    h.manager.stop();
  });

  it('skips an automatic run with nothing to send, confirm or report; a tap gives it work', async () => {
    const h = await harness({ m1: 'beach' });
    await startSettled(h.manager);
    expect(await h.manager.runAuto()).toBeUndefined();
    expect(h.server.pushes).toHaveLength(0);
    await rally(h.db, 'm1');
    expect(await h.manager.runAuto()).toMatchObject({ status: 'done', applied: 1 });
    // Its report went out and its op was pulled back: nothing left, so nothing runs.
    await until(() => h.reports.length === 1);
    expect(await h.manager.runAuto()).toBeUndefined();
    h.manager.stop();
  });

  it('a pause (here or from the server) stops automatic runs until resumed', async () => {
    const h = await harness({ m1: 'beach' });
    await startSettled(h.manager);
    await h.manager.setPaused(true);
    await rally(h.db, 'm1');
    expect(await h.manager.runAuto()).toMatchObject({ blocked: 'paused', deferred: 1 });
    expect(h.arrived()).toHaveLength(0);
    await h.manager.setPaused(false);
    await until(() => h.arrived().length === 1);
    h.manager.stop();
  });

  it('starts a run when charging starts', async () => {
    const listeners: Array<() => void> = [];
    Object.assign(battery, {
      level: 0.1,
      charging: false,
      addEventListener: (_: string, l: () => void) => listeners.push(l),
    });
    const h = await harness({ old: 'beach' });
    await rally(h.db, 'old');
    await finish(h.db, 'old');
    await h.manager.start();
    await h.manager.runAuto();
    expect(h.arrived()).toHaveLength(0);
    battery.charging = true;
    listeners.forEach((l) => l());
    await until(() => h.arrived().length === 1);
    h.manager.stop();
    battery.addEventListener = () => undefined;
  });
  it("asks the server for this device's state only after STATUS_DELAY_MS, then adopts it", async () => {
    const h = await harness({ a: 'beach' });
    const asked: string[] = [];
    const fetchFn = (async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://courtsync.test');
      if (url.pathname !== API.background.status) return new Response('', { status: 404 });
      asked.push(url.searchParams.get('clientId') ?? '');
      return Response.json({
        clientId: url.searchParams.get('clientId'),
        state: 'paused',
        settings: DEFAULT_SYNC_SETTINGS,
        settingsSource: 'default',
        lastStartAt: null,
        lastReportAt: null,
        updatedAt: null,
      });
    }) as typeof fetch;
    const detector = new ConnectivityDetector(
      { navigator: { onLine: true }, fetch: fetchFn, setTimeout, clearTimeout, now: Date.now },
      { everyMs: 60 * 60_000 },
    );
    const manager = new BackgroundSyncManager(
      { db: h.db, fetch: fetchFn, detector, setTimeout, clearTimeout, now: Date.now },
      DEFAULT_SYNC_SETTINGS,
    );
    await startSettled(manager);
    // The tap that started the manager syncs first: nothing asked of the server yet.
    expect(asked).toHaveLength(0);
    expect(manager.state.serverState).toBe('active');
    await tick(STATUS_DELAY_MS);
    await until(() => manager.state.serverState === 'paused');
    expect(asked).toHaveLength(1);
    manager.stop();
  });
});
