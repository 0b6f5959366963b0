import type { Op } from '@courtsync/protocol';
import { apiError, fakeSyncServer } from './fake-sync-server';
import { pullMatch } from './pull';
import { record } from './record';
import { flushOnce, freshDb, seedLocalMatch } from './test-support';

/** Another device's op, as the server would have it. */
let otherSeq = 0;
function otherOp(type: 'rally' | 'undo', payload: Op['payload']): Op {
  otherSeq += 1;
  return {
    opId: crypto.randomUUID(),
    clientId: '7f0c4a7e-3c1b-4c55-9d7e-8a2f4c1b9e01',
    seq: otherSeq,
    matchId: 'm1',
    type,
    payload,
    clientTime: new Date().toISOString(),
  } as Op;
}

describe('pullMatch', () => {
  it('appends the confirmed log once, advances the cursor and rebases pending ops on top', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const db = freshDb();
    await seedLocalMatch(db);
    server.apply([otherOp('rally', { winner: 'B' }), otherOp('rally', { winner: 'B' })]);
    await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });

    const first = await pullMatch(db, 'm1', server.fetch, { broadcast: false });
    expect(first).toEqual({ events: 2, cursor: 2, moved: [] });
    expect((await db.matches.get('m1'))?.state.sets).toEqual([{ a: 1, b: 2 }]);
    // Pulling again brings nothing new and changes nothing.
    expect(await pullMatch(db, 'm1', server.fetch, { broadcast: false })).toEqual({
      events: 0,
      cursor: 2,
      moved: [],
    });
    expect(await db.confirmed.count()).toBe(2);
  });

  it('keeps acked ops in effect until the pull confirms them (the score never steps back)', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const db = freshDb();
    await seedLocalMatch(db);
    await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });
    // The pull after the push fails: the op lives in `acked` meanwhile.
    const pushOnly: typeof fetch = (input, init) =>
      String(input).includes('pull')
        ? Promise.resolve(apiError(503, 'INTERNAL'))
        : server.fetch(input, init);
    expect(await flushOnce(db, pushOnly)).toMatchObject({ status: 'done', applied: 1, pulled: 0 });
    expect(await db.acked.count()).toBe(1);
    await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });
    expect((await db.matches.get('m1'))?.state.sets).toEqual([{ a: 2, b: 0 }]);

    expect(await flushOnce(db, server.fetch)).toMatchObject({ status: 'done', pulled: 1 });
    expect(await db.acked.count()).toBe(0);
    expect(await db.confirmed.count()).toBe(2);
    expect((await db.matches.get('m1'))?.state).toEqual(server.state('m1'));
  });

  it('reports an undo of an earlier action (the score after it moved)', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const db = freshDb();
    await seedLocalMatch(db);
    const early = otherOp('rally', { winner: 'A' });
    server.apply([early, otherOp('rally', { winner: 'B' }), otherOp('rally', { winner: 'B' })]);
    await pullMatch(db, 'm1', server.fetch, { broadcast: false });
    const undo = otherOp('undo', { target: early.opId });
    server.apply([undo]);
    const result = await pullMatch(db, 'm1', server.fetch, { broadcast: false });
    expect(result.moved).toEqual([
      { opId: undo.opId, target: early.opId, moved: 2, byThisDevice: false },
    ]);
    expect((await db.matches.get('m1'))?.state.sets).toEqual([{ a: 0, b: 2 }]);
  });

  it('throws on a server error and leaves the stored log as it was', async () => {
    const db = freshDb();
    await seedLocalMatch(db);
    const down: typeof fetch = async () => apiError(500, 'INTERNAL');
    await expect(pullMatch(db, 'm1', down)).rejects.toMatchObject({ code: 'SERVER_UNAVAILABLE' });
    expect((await db.matches.get('m1'))?.cursor).toBe(0);
  });
});
