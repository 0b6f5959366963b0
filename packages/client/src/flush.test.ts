import { apiError, fakeSyncServer } from './fake-sync-server';
import { flush, type FlushOptions } from './flush';
import { inProcessFlushLock } from './flush-lock';
import { record } from './record';
import { readSyncBlock } from './sync-block';
import { freshDb, seedLocalMatch } from './test-support';
import type { CourtSyncDb } from './courtsync-db';

const options = (db: CourtSyncDb, fetchFn: typeof fetch, batchSize = 50): FlushOptions => ({
  db,
  fetch: fetchFn,
  lock: inProcessFlushLock(),
  broadcast: false,
  compress: false,
  batchSize,
});

/** `n` rallies on `matchId`; returns their opIds. */
async function rallies(db: CourtSyncDb, matchId: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const winner = i % 3 ? 'A' : 'B';
    ids.push((await record(db, { matchId, type: 'rally', payload: { winner } })).op.opId);
  }
  return ids;
}

async function device(...matches: string[]) {
  const db = freshDb();
  for (const id of matches) await seedLocalMatch(db, id);
  return db;
}

const statusOf = async (db: CourtSyncDb) =>
  (await db.outbox.orderBy('seq').toArray()).map((e) => `${e.matchId}:${e.status}`);

describe('flush', () => {
  it('pushes, then pulls what it pushed: the device shows the server state', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const db = await device('m1');
    await rallies(db, 'm1', 5);
    const result = await flush(options(db, server.fetch, 2));
    expect(result).toMatchObject({ status: 'done', applied: 5, batches: 3, pending: 0, pulled: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.confirmed.count()).toBe(5);
    expect((await db.matches.get('m1'))?.state).toEqual(server.state('m1'));
  });

  it('a refused op goes to failed; the later ops of its match are held, other matches flow', async () => {
    const server = fakeSyncServer({ good: 'beach' });
    const db = await device('good', 'ghost');
    await rallies(db, 'ghost', 2);
    await rallies(db, 'good', 2);
    await rallies(db, 'ghost', 1);
    const result = await flush(options(db, server.fetch));
    expect(result).toMatchObject({ status: 'done', applied: 2, rejected: 1, held: 2 });
    expect(await statusOf(db)).toEqual(['ghost:failed', 'ghost:pending', 'ghost:pending']);
    const failed = (await db.outbox.orderBy('seq').first())!;
    expect(failed).toMatchObject({ attempts: 1, lastError: { code: 'UNKNOWN_MATCH' } });
    // The held ops are not sent again while the failed op waits.
    const pushes = server.pushes.length;
    expect(await flush(options(db, server.fetch))).toMatchObject({ batches: 0, held: 2 });
    expect(server.pushes.length).toBe(pushes);
    // The failed op is out of effect; the held ones still show (they will be sent).
    expect((await db.matches.get('ghost'))?.state.rallies).toBe(2);
  });

  it('bisects a batch the server refuses as a whole (400) down to the bad op', async () => {
    const server = fakeSyncServer({ a: 'indoor', b: 'indoor' });
    const db = await device('a', 'b');
    const aIds = await rallies(db, 'a', 4);
    const bIds = await rallies(db, 'b', 5);
    const bad = bIds[1]!;
    server.gate = (ops) =>
      ops.some((op) => op.opId === bad) ? apiError(400, 'VALIDATION_FAILED') : undefined;
    const result = await flush(options(db, server.fetch, 8));
    expect(result).toMatchObject({ status: 'done', rejected: 1, applied: 5, held: 3 });
    expect(server.feed.map((e) => e.opId)).toEqual([...aIds, bIds[0]]);
    const entry = await db.outbox.where('opId').equals(bad).first();
    expect(entry).toMatchObject({ status: 'failed', lastError: { code: 'VALIDATION_FAILED' } });
    // A few more requests than one, far fewer than one per op.
    expect(server.pushes.length).toBeLessThanOrEqual(6);
  });

  it('401 keeps the ops pending, pauses, and blocks sync until a push goes through', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const db = await device('m1');
    await rallies(db, 'm1', 3);
    server.gate = () => apiError(401, 'AUTH_REQUIRED');
    const paused = await flush(options(db, server.fetch));
    expect(paused).toMatchObject({ status: 'paused', code: 'AUTH_REQUIRED', pending: 3 });
    expect(await readSyncBlock(db)).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(await statusOf(db)).toEqual(['m1:pending', 'm1:pending', 'm1:pending']);
    server.gate = undefined;
    expect(await flush(options(db, server.fetch))).toMatchObject({ status: 'done', applied: 3 });
    expect(await readSyncBlock(db)).toBeUndefined();
  });

  it('5xx: retry with Retry-After, attempts counted, nothing lost', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const db = await device('m1');
    await rallies(db, 'm1', 2);
    server.gate = () => apiError(503, 'INTERNAL', { 'retry-after': '4' });
    expect(await flush(options(db, server.fetch))).toMatchObject({
      status: 'retry',
      retryAfterMs: 4000,
      pending: 2,
    });
    expect((await db.outbox.toArray()).map((e) => e.attempts)).toEqual([1, 1]);
    server.gate = undefined;
    // Before Retry-After is over no request goes out, from any context (the gate is stored).
    let sent = 0;
    const counting: typeof fetch = (input, init) => {
      sent += 1;
      return server.fetch(input, init);
    };
    const early = await flush({ ...options(db, counting), now: () => Date.now() + 3_900 });
    expect(early).toMatchObject({ status: 'retry', pending: 2 });
    expect(early.retryAfterMs).toBeGreaterThan(0);
    expect(sent).toBe(0);
    const later = { ...options(db, counting), now: () => Date.now() + 4_100 };
    expect(await flush(later)).toMatchObject({ status: 'done', applied: 2 });
    expect(sent).toBeGreaterThan(0);
  });

  it('HELD from the server keeps the op pending and unsent for the rest of the run', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const db = await device('m1');
    const [first, second] = await rallies(db, 'm1', 2);
    let calls = 0;
    server.gate = (ops) => {
      calls += 1;
      if (calls > 1) return undefined;
      const results = ops.map((op) =>
        op.opId === first
          ? { opId: op.opId, seq: op.seq, status: 'applied', version: 1 }
          : { opId: op.opId, seq: op.seq, status: 'rejected', code: 'HELD', message: 'held' },
      );
      server.apply(ops.filter((op) => op.opId === first));
      return Response.json({ results, serverTime: new Date().toISOString() });
    };
    expect(await flush(options(db, server.fetch))).toMatchObject({
      status: 'done',
      applied: 1,
      held: 1,
      batches: 1,
    });
    expect(await statusOf(db)).toEqual(['m1:pending']);
    expect(await flush(options(db, server.fetch))).toMatchObject({ applied: 1, held: 0 });
    expect(server.feed.map((e) => e.opId)).toEqual([first, second]);
  });
});
