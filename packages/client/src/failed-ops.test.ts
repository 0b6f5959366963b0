import type { Observable } from 'dexie';
import { fakeSyncServer } from './fake-sync-server';
import { discardFailedOp, observeFailedOps, observeHeldCount, retryFailedOp } from './failed-ops';
import { observeQueue } from './queue-stats';
import { record } from './record';
import { flushOnce, freshDb, seedLocalMatch } from './test-support';

/** The first value of a live query. */
function first<T>(observable: Observable<T>) {
  return new Promise<T>((resolve) => {
    const sub = observable.subscribe({
      next: (value) => {
        resolve(value);
        queueMicrotask(() => sub.unsubscribe());
      },
    });
  });
}

/** A device with one refused op (match unknown to the server) and two ops held behind it. */
async function withFailedOp() {
  const formats: Record<string, 'beach'> = {};
  const server = fakeSyncServer(formats);
  const db = freshDb();
  await seedLocalMatch(db, 'late');
  const ids: string[] = [];
  for (const winner of ['A', 'B', 'A'] as const) {
    ids.push((await record(db, { matchId: 'late', type: 'rally', payload: { winner } })).op.opId);
  }
  await flushOnce(db, server.fetch);
  return { server, db, ids, formats };
}

describe('failed ops', () => {
  it('lists failed ops with their reason and counts the ops held behind them', async () => {
    const { db, ids } = await withFailedOp();
    const failed = await first(observeFailedOps(db));
    expect(failed.map((e) => [e.opId, e.lastError?.code, e.attempts])).toEqual([
      [ids[0], 'UNKNOWN_MATCH', 1],
    ]);
    expect(await first(observeHeldCount(db))).toBe(2);
    const queue = await first(observeQueue(db));
    expect(queue.map((e) => [e.status, e.held])).toEqual([
      ['failed', false],
      ['pending', true],
      ['pending', true],
    ]);
  });

  it('retry puts the op back in its place (same seq): all land once, in order', async () => {
    const { db, ids, server, formats } = await withFailedOp();
    const seq = (await db.outbox.where('opId').equals(ids[0]!).first())?.seq;
    formats.late = 'beach'; // The organisers created the match on the server.
    expect(await retryFailedOp(db, ids[0]!)).toBe(true);
    expect((await db.outbox.where('opId').equals(ids[0]!).first())?.seq).toBe(seq);
    expect((await db.matches.get('late'))?.state.rallies).toBe(3);
    expect(await flushOnce(db, server.fetch)).toMatchObject({
      status: 'done',
      applied: 3,
      held: 0,
    });
    expect(server.feed.map((e) => e.opId)).toEqual(ids);
    expect((await db.matches.get('late'))?.state).toEqual(server.state('late'));
  });

  it('discard drops the op, rebases the match and lets the held ops go', async () => {
    const { db, ids, server, formats } = await withFailedOp();
    expect(await discardFailedOp(db, ids[0]!)).toBe(true);
    expect(await discardFailedOp(db, ids[0]!)).toBe(false);
    expect((await db.matches.get('late'))?.state.sets).toEqual([{ a: 1, b: 1 }]);
    formats.late = 'beach';
    expect(await flushOnce(db, server.fetch)).toMatchObject({ status: 'done', applied: 2 });
    expect(server.feed.map((e) => e.opId)).toEqual(ids.slice(1));
    expect((await db.matches.get('late'))?.state).toEqual(server.state('late'));
  });
});
