import { replay } from '@courtsync/scoring';
import {
  CourtSyncDb,
  flush,
  inProcessFlushLock,
  record,
  type FlushOptions,
  type LocalMatch,
} from '@courtsync/client';
import { createApiHandlers, getMatchEvents, getMatchView } from '@courtsync/server';
import { describeEachDatabase, createTestMatch, OPEN_API } from '@courtsync/server/test-support';
import { faultyNetwork, type Fault } from './sync-faults';

let dbCounter = 0;

/** A device: its own IndexedDB (fake-indexeddb) with the demo matches on it. */
async function newDevice(matchIds: Array<[string, LocalMatch['format']]>) {
  dbCounter += 1;
  const db = new CourtSyncDb(`device-${process.pid}-${dbCounter}`);
  for (const [id, format] of matchIds) {
    await db.matches.put({
      id,
      tournamentId: 'demo-open',
      format,
      teamA: 'A',
      teamB: 'B',
      court: '1',
      scheduledAt: new Date().toISOString(),
      state: replay(format, []),
      importedAt: Date.now(),
    });
  }
  return db;
}

/** Taps a deterministic mix of rallies and undos on a match; returns the ops' ids. */
async function tap(db: CourtSyncDb, matchId: string, count: number, salt = 0) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const input =
      (i + salt) % 7 === 6
        ? ({ matchId, type: 'undo' } as const)
        : ({
            matchId,
            type: 'rally',
            payload: { winner: (i * 3 + salt) % 5 < 3 ? 'A' : 'B' },
          } as const);
    ids.push((await record(db, input)).op.opId);
  }
  return ids;
}

/** Flushes until the outbox is drained (a browser retrying its sync event), bounded. */
async function flushUntilDone(options: FlushOptions, maxRounds = 200) {
  for (let round = 0; round < maxRounds; round++) {
    const result = await flush({ ...options, broadcast: false });
    if (result.status === 'done') return round + 1;
    // As the browser and the page's loop do: a Retry-After (429) is waited out; before it is
    // over, no context of the device sends anything.
    if (result.retryAfterMs) await new Promise((r) => setTimeout(r, result.retryAfterMs));
  }
  throw new Error('outbox not drained');
}

describeEachDatabase('flush → push, exactly once through a broken network', (get) => {
  const base = (db: CourtSyncDb, fetchFn: typeof fetch): FlushOptions => ({
    db,
    fetch: fetchFn,
    lock: inProcessFlushLock(),
    pushUrl: 'http://courtsync.test/api/v1/sync/push',
    batchSize: 25,
  });

  /** Server log equals the device's ops exactly once, and the states agree. */
  async function expectExactlyOnce(db: CourtSyncDb, matchId: string, opIds: string[]) {
    const server = get().db;
    const log = await getMatchEvents(server, matchId);
    expect(log?.events.map((e) => e.opId)).toEqual(opIds);
    const view = await getMatchView(server, matchId);
    expect(view?.state).toEqual((await db.matches.get(matchId))?.state);
    expect(view?.eventCount).toBe(opIds.length);
    expect(await db.outbox.count()).toBe(0);
  }

  it.each<[string, Fault[]]>([
    ['network down', ['network-down']],
    ['HTTP 500', ['http-500']],
    ['HTTP 429', ['http-429']],
    ['response lost after the commit', ['response-lost']],
    ['response truncated after the commit', ['response-truncated']],
    [
      'every fault in a row, mid-flush',
      ['network-down', 'response-lost', 'http-500', 'response-truncated'],
    ],
  ])('%s: every op arrives exactly once', async (_name, script) => {
    const format = script.length > 1 ? 'indoor' : 'beach';
    const matchId = await createTestMatch(get().db, format);
    const db = await newDevice([[matchId, format]]);
    const opIds = await tap(db, matchId, 60, script.length);
    // Let the first batch through so the fault hits in the middle of the flush.
    const net = faultyNetwork(
      createApiHandlers(async () => get().db, OPEN_API),
      [undefined as never, ...script],
    );
    const first = await flush({ ...base(db, net.fetch), broadcast: false });
    expect(first.status).toBe('retry');
    expect(first.applied).toBe(25);
    // The batch the fault hit stays pending, its failed attempt counted with the reason.
    const hit = await db.outbox.orderBy('seq').limit(25).toArray();
    expect(hit.map((e) => [e.status, e.attempts, e.lastError?.code])).toEqual(
      Array.from({ length: 25 }, () => ['pending', 1, 'RETRY']),
    );
    await flushUntilDone(base(db, net.fetch));
    expect(net.stats.faults).toEqual(script);
    await expectExactlyOnce(db, matchId, opIds);
  });

  it('sets a refused op aside as failed, holds its match behind it, delivers the rest once', async () => {
    const matchId = await createTestMatch(get().db, 'beach');
    // A match this device knows but the server does not: its ops are refused UNKNOWN_MATCH.
    const db = await newDevice([
      [matchId, 'beach'],
      ['ghost-match', 'indoor'],
    ]);
    const good: string[] = [];
    const ghost: string[] = [];
    for (let round = 0; round < 6; round++) {
      good.push(...(await tap(db, matchId, 7, round)));
      ghost.push(...(await tap(db, 'ghost-match', 3, round)));
    }
    const net = faultyNetwork(
      createApiHandlers(async () => get().db, OPEN_API),
      ['response-lost'],
    );
    await flushUntilDone(base(db, net.fetch));
    const again = await flush({ ...base(db, net.fetch), broadcast: false });
    // The ghost match's later ops wait behind its failed first op (its order holds).
    expect(again).toMatchObject({ status: 'done', batches: 0, pending: ghost.length - 1 });
    expect(net.stats.faults).toEqual(['response-lost']);

    const server = get().db;
    expect((await getMatchEvents(server, matchId))?.events.map((e) => e.opId)).toEqual(good);
    const failed = await db.outbox.where('status').equals('failed').sortBy('seq');
    expect(failed.map((e) => e.opId)).toEqual(ghost.slice(0, 1));
    expect(new Set(failed.map((e) => e.lastError?.code))).toEqual(new Set(['UNKNOWN_MATCH']));
    expect(await db.outbox.count()).toBe(ghost.length);
  });

  it('random faults, two devices, several matches, concurrent flushers without a shared lock', async () => {
    const handlers = createApiHandlers(async () => get().db, OPEN_API);
    const phone = await newDevice([
      ['demo-beach-1', 'beach'],
      ['demo-indoor-2', 'indoor'],
    ]);
    const tablet = await newDevice([['demo-beach-2', 'beach']]);
    const phoneBeach = await tap(phone, 'demo-beach-1', 40, 1);
    const phoneIndoor = await tap(phone, 'demo-indoor-2', 90, 2);
    const tabletBeach = await tap(tablet, 'demo-beach-2', 35, 3);

    const net = faultyNetwork(handlers, [], 0.5, 42);
    // Page and worker of one device flushing at once with NO common lock: the server must
    // still apply each op once (its keys), and each device's per-match order must hold.
    const phoneWorker = { ...base(phone, net.fetch), batchSize: 30 };
    const phonePage = { ...base(phone, net.fetch), batchSize: 7 };
    await Promise.all([
      flushUntilDone(phoneWorker),
      flushUntilDone(phonePage),
      flushUntilDone(base(tablet, net.fetch)),
    ]);
    await flushUntilDone(phoneWorker);
    expect(net.stats.faults.length).toBeGreaterThanOrEqual(5);
    expect(new Set(net.stats.faults).size).toBe(5);

    const log = async (id: string) =>
      (await getMatchEvents(get().db, id))?.events.map((e) => e.opId);
    expect(await log('demo-beach-1')).toEqual(phoneBeach);
    expect(await log('demo-indoor-2')).toEqual(phoneIndoor);
    expect(await log('demo-beach-2')).toEqual(tabletBeach);
    for (const [db, id] of [
      [phone, 'demo-beach-1'],
      [phone, 'demo-indoor-2'],
      [tablet, 'demo-beach-2'],
    ] as const) {
      expect((await getMatchView(get().db, id))?.state).toEqual((await db.matches.get(id))?.state);
    }
  });
});
