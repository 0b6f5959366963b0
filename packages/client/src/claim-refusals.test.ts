import { fakeSyncServer } from './fake-sync-server';
import { flush } from './flush';
import { inProcessFlushLock } from './flush-lock';
import { pullMatch } from './pull';
import { record } from './record';
import { freshDb, seedLocalMatch } from './test-support';
import type { CourtSyncDb } from './courtsync-db';

const run = (db: CourtSyncDb, fetchFn: typeof fetch) =>
  flush({
    db,
    fetch: fetchFn,
    lock: inProcessFlushLock(),
    broadcast: false,
    compress: false,
    pull: false,
    renew: false,
  });

const tap = async (db: CourtSyncDb, winner: 'A' | 'B') =>
  (await record(db, { matchId: 'm1', type: 'rally', payload: { winner } })).op.opId;

describe('ops refused for want of a claim (F4)', () => {
  it('each is failed with CLAIM_NOT_HELD, none holds later ops; an accepted one leaves the list on pull', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const db = freshDb();
    await seedLocalMatch(db, 'm1');
    let holder = false;
    server.gate = (ops) =>
      holder
        ? undefined
        : Response.json({
            results: ops.map((op) => ({
              opId: op.opId,
              seq: op.seq,
              status: 'rejected',
              code: 'CLAIM_NOT_HELD',
              message: 'claimed by another user',
            })),
            serverTime: new Date().toISOString(),
          });
    const refused = [await tap(db, 'A')];
    await run(db, server.fetch);
    refused.push(await tap(db, 'B'), await tap(db, 'B'));
    expect(await run(db, server.fetch)).toMatchObject({ rejected: 2, held: 0, pending: 0 });
    const failed = await db.outbox.where('status').equals('failed').toArray();
    expect(failed.map((e) => [e.opId, e.lastError?.code])).toEqual(
      refused.map((id) => [id, 'CLAIM_NOT_HELD']),
    );

    // The claim is handed over: a new tap goes out at once, not held behind the failed ones.
    holder = true;
    const next = await tap(db, 'A');
    expect(await run(db, server.fetch)).toMatchObject({ status: 'done', applied: 1, held: 0 });
    expect(server.feed.map((e) => e.opId)).toEqual([next]);

    // An admin accepts two refused ops on the server; the pull takes them off the failed list.
    const accepted = failed.slice(0, 2);
    server.apply(
      accepted.map(({ opId, clientId, seq, matchId, type, payload, clientTime }) => {
        const op = { opId, clientId, seq, matchId, type, payload, clientTime };
        return op as Parameters<typeof server.apply>[0][number];
      }),
    );
    await pullMatch(db, 'm1', server.fetch, { broadcast: false });
    const left = await db.outbox.where('status').equals('failed').toArray();
    expect(left.map((e) => e.opId)).toEqual([refused[2]]);
  });
});
