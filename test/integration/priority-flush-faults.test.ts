import { replay } from '@courtsync/scoring';
import {
  CourtSyncDb,
  flush,
  inProcessFlushLock,
  record,
  setPriority,
  type FlushOptions,
} from '@courtsync/client';
import type { Op } from '@courtsync/protocol';
import { createApiHandlers, getMatchEvents } from '@courtsync/server';
import { describeEachDatabase, createTestMatch, OPEN_API } from '@courtsync/server/test-support';
import { faultyNetwork, type Fault } from './sync-faults';

let counter = 0;

/** A device with `ids` on it (beach matches, empty logs). */
async function newDevice(ids: string[]) {
  counter += 1;
  const db = new CourtSyncDb(`priority-device-${process.pid}-${counter}`);
  for (const id of ids) {
    await db.matches.put({
      ...{ id, tournamentId: 'demo-open', format: 'beach', teamA: 'A', teamB: 'B', court: '1' },
      scheduledAt: new Date().toISOString(),
      state: replay('beach', []),
      importedAt: Date.now(),
    });
  }
  return db;
}

/** Taps `rounds` rallies on each match in turn (interleaved); returns each match's op ids. */
async function interleave(db: CourtSyncDb, ids: string[], rounds: number) {
  const byMatch = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < rounds; i += 1) {
    for (const id of ids) {
      const winner = (i * 7 + id.length) % 3 ? 'A' : 'B';
      const { op } = await record(db, { matchId: id, type: 'rally', payload: { winner } });
      byMatch.get(id)!.push(op.opId);
    }
  }
  return byMatch;
}

/** A faulty network that also notes, per op, the first time it reached the server. */
function recordingNetwork(db: Parameters<typeof createApiHandlers>[0], script: Fault[]) {
  const net = faultyNetwork(createApiHandlers(db, OPEN_API), script);
  const arrived: string[] = [];
  const seen = new Set<string>();
  const fetchFn: typeof fetch = async (input, init) => {
    const before = net.stats.reachedServer;
    const response = net.fetch(input, init);
    await response.catch(() => undefined);
    if (net.stats.reachedServer > before) {
      for (const op of (JSON.parse(String(init?.body)) as { ops: Op[] }).ops) {
        if (!seen.has(op.opId)) arrived.push(op.matchId);
        seen.add(op.opId);
      }
    }
    return response;
  };
  return { fetch: fetchFn, stats: net.stats, arrived };
}

async function flushUntilDone(options: FlushOptions, maxRounds = 100) {
  for (let round = 0; round < maxRounds; round += 1) {
    const result = await flush({ ...options, broadcast: false });
    if (result.status === 'done') return result;
  }
  throw new Error('outbox not drained');
}

describeEachDatabase('priority flush through a broken network: exactly once, in order', (get) => {
  const options = (db: CourtSyncDb, fetchFn: typeof fetch): FlushOptions => ({
    db,
    fetch: fetchFn,
    lock: inProcessFlushLock(),
    pushUrl: 'http://courtsync.test/api/v1/sync/push',
    batchSize: 7,
    compress: false,
    pull: false,
  });

  it('faults mid-flush: highest priority first, each match in its order, every op once', async () => {
    const [high, normal, low] = [
      await createTestMatch(get().db),
      await createTestMatch(get().db),
      await createTestMatch(get().db),
    ];
    const db = await newDevice([low!, normal!, high!]);
    const ops = await interleave(db, [low!, normal!, high!], 10);
    await setPriority(db, { matchId: high! }, 'high');
    await setPriority(db, { matchId: low! }, 'low');
    const net = recordingNetwork(
      async () => get().db,
      [
        undefined as never,
        'network-down',
        'response-lost',
        undefined as never,
        'http-500',
        'response-truncated',
      ],
    );
    await flushUntilDone(options(db, net.fetch));
    expect(net.stats.faults).toEqual([
      'network-down',
      'response-lost',
      'http-500',
      'response-truncated',
    ]);
    expect(net.arrived).toEqual([
      ...Array(10).fill(high),
      ...Array(10).fill(normal),
      ...Array(10).fill(low),
    ]);
    for (const id of [high!, normal!, low!]) {
      expect((await getMatchEvents(get().db, id))?.events.map((e) => e.opId)).toEqual(ops.get(id));
    }
    expect(await db.outbox.count()).toBe(0);
  });

  it('battery rules hold back a finished low match; Sync now sends it; faults lose nothing', async () => {
    const [live, old] = [await createTestMatch(get().db), await createTestMatch(get().db)];
    const db = await newDevice([live!, old!]);
    const ops = await interleave(db, [old!, live!], 8);
    await setPriority(db, { matchId: old! }, 'low');
    // The old match ended on this device; the battery reads 10 %, not charging.
    const state = (await db.matches.get(old!))!.state;
    await db.matches.update(old!, { state: { ...state, winner: 'A' } });
    await db.meta.put({
      key: 'deviceConditions',
      value: { batteryLevel: 0.1, charging: false, at: Date.now() },
    });
    const net = recordingNetwork(async () => get().db, [undefined as never, 'response-lost']);
    const auto = await flushUntilDone(options(db, net.fetch));
    expect(auto).toMatchObject({ status: 'done', deferred: 8, pending: 8 });
    expect((await getMatchEvents(get().db, live!))?.events.map((e) => e.opId)).toEqual(
      ops.get(live!),
    );
    expect((await getMatchEvents(get().db, old!))?.events).toEqual([]);
    const now = await flushUntilDone({ ...options(db, net.fetch), mode: 'now' });
    expect(now).toMatchObject({ status: 'done', deferred: 0, pending: 0 });
    expect((await getMatchEvents(get().db, old!))?.events.map((e) => e.opId)).toEqual(
      ops.get(old!),
    );
    expect(net.arrived).toEqual([...Array(8).fill(live), ...Array(8).fill(old)]);
  });
});
