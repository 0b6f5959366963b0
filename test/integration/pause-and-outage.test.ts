import { loadMatch, flush, readSyncBlock, SyncLoop, type CourtSyncDb } from '@courtsync/client';
import { createApiHandlers, getMatchEvents, getMatchView } from '@courtsync/server';
import { createTestMatch, describeEachDatabase, OPEN_API } from '@courtsync/server/test-support';
import { apiError, syncNetwork } from './sync-network';
import { flushOptions, newDevice, rallies, undo } from './sync-device';

describeEachDatabase('sign-in pause and a server outage mid-flush', (get) => {
  async function expectOnServerOnce(db: CourtSyncDb, matchId: string, opIds: string[]) {
    const log = await getMatchEvents(get().db, matchId);
    expect(log?.events.map((e) => e.opId)).toEqual(opIds);
    expect((await db.matches.get(matchId))?.state).toEqual(
      (await getMatchView(get().db, matchId))?.state,
    );
    expect(await db.outbox.count()).toBe(0);
  }

  it('401 keeps the ops pending and blocks sync; after sign-in they land once', async () => {
    const net = syncNetwork(createApiHandlers(async () => get().db, OPEN_API));
    const matchId = await createTestMatch(get().db);
    const db = newDevice();
    await loadMatch(db, matchId, net.fetch);
    const ops = await rallies(db, matchId, 'ABAB');
    net.gate = () => apiError(401, 'AUTH_REQUIRED');
    expect(await flush(flushOptions(db, net.fetch))).toMatchObject({
      status: 'paused',
      code: 'AUTH_REQUIRED',
      pending: 4,
    });
    expect(await readSyncBlock(db)).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(await db.outbox.where('status').equals('pending').count()).toBe(4);
    net.gate = undefined;
    expect(await flush(flushOptions(db, net.fetch))).toMatchObject({ status: 'done', applied: 4 });
    expect(await readSyncBlock(db)).toBeUndefined();
    await expectOnServerOnce(db, matchId, ops);
  });

  it('a response lost after the commit, then 503s: the loop retries, 0 lost, 0 doubled', async () => {
    const net = syncNetwork(
      createApiHandlers(async () => get().db, OPEN_API),
      [undefined as never, 'response-lost'],
    );
    const matchId = await createTestMatch(get().db, 'indoor');
    const db = newDevice();
    await loadMatch(db, matchId, net.fetch);
    const ops = await rallies(db, matchId, 'AABABBBAAB');
    ops.push(await undo(db, matchId));
    ops.push(...(await rallies(db, matchId, 'BBA')));
    let outage = 0;
    net.gate = () => {
      // After the lost response, the server is down for three requests.
      if (net.stats.faults.length === 0 || outage >= 3) return undefined;
      outage += 1;
      return apiError(503, 'INTERNAL');
    };
    const results: string[] = [];
    await new Promise<void>((resolve) => {
      const loop = new SyncLoop(
        {
          flush: async () => {
            const result = await flush(flushOptions(db, net.fetch, 4));
            results.push(result.status);
            if (result.status === 'done') queueMicrotask(resolve);
            return result;
          },
          probe: async () => (await net.fetch('/api/v1/sync/connectivity-test')).ok,
          setTimeout: (callback, ms) => setTimeout(callback, ms),
          clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
          random: Math.random,
          now: Date.now,
        },
        { backoff: { baseMs: 5, capMs: 20 } },
      );
      loop.kick();
    });
    expect(results).toEqual(['retry', 'retry', 'retry', 'retry', 'done']);
    expect(net.stats.faults).toEqual(['response-lost']);
    await expectOnServerOnce(db, matchId, ops);
  });
});
