import { ScoringError } from '@courtsync/scoring';
import { record } from './record';
import { TapSession, type RecordFn } from './tap-session';
import { freshDb, seedLocalMatch } from './test-support';

/** Waits (real IndexedDB turns) until `done()` holds. */
async function until(done: () => boolean, turns = 5000) {
  for (let i = 0; i < turns && !done(); i += 1) await new Promise((r) => setImmediate(r));
  expect(done()).toBe(true);
}

/** A started session on a fresh device with match m1 (beach), once its first read is in. */
async function session(write?: RecordFn) {
  const db = freshDb();
  await seedLocalMatch(db);
  const s = new TapSession(db, 'm1', write);
  const stop = s.start();
  await until(() => s.view.loaded);
  return { db, s, stop };
}

const points = (s: TapSession) => s.view.match?.state.sets.at(-1);
const point = (winner: 'A' | 'B') =>
  ({ matchId: 'm1', type: 'rally', payload: { winner } }) as const;

describe('TapSession', () => {
  it('shows a tap before it is stored, then the stored match, under the same op id', async () => {
    const { db, s, stop } = await session();
    const durable = s.tap(point('A'));
    // Synchronously: on screen, not yet in IndexedDB.
    expect(points(s)).toEqual({ a: 1, b: 0 });
    expect(s.view.writing).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    const { op } = await durable;
    expect((await db.outbox.toArray()).map((e) => e.opId)).toEqual([op.opId]);
    await until(() => s.view.writing === 0);
    expect(points(s)).toEqual({ a: 1, b: 0 });
    expect((await db.matches.get('m1'))?.state.sets).toEqual([{ a: 1, b: 0 }]);
    stop();
  });

  it('many quick taps: each shown at once, stored in tap order, undo of one not yet stored', async () => {
    const { db, s, stop } = await session();
    const winners = ['A', 'B', 'B', 'A', 'A', 'B', 'A'] as const;
    const writes = winners.map((w, i) => {
      const p = s.tap(point(w));
      expect(s.view.match?.state.rallies).toBe(i + 1);
      return p;
    });
    // Undo takes back the last shown tap, whose write has not run yet.
    const undo = s.tap({ matchId: 'm1', type: 'undo' });
    expect(s.view.match?.state.rallies).toBe(winners.length - 1);
    const results = await Promise.all([...writes, undo]);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.opId)).toEqual(results.map((r) => r.op.opId));
    expect(outbox.at(-1)?.payload).toEqual({ target: results[winners.length - 1]?.op.opId });
    await until(() => s.view.writing === 0);
    const stored = await db.matches.get('m1');
    await until(() => s.view.match?.state.rallies === stored?.state.rallies);
    expect(s.view.match?.state.sets).toEqual(stored?.state.sets);
    stop();
  });

  it('a refused action throws at once and shows or writes nothing', async () => {
    const { db, s, stop } = await session();
    const before = s.view;
    expect(() => s.tap({ matchId: 'm1', type: 'undo' })).toThrow(ScoringError);
    expect(s.view).toBe(before);
    expect(await db.outbox.count()).toBe(0);
    stop();
  });

  it('a write that fails is taken off the screen and reported; the taps around it are kept', async () => {
    let calls = 0;
    // The second write fails as a full disk would (QuotaExceededError) before touching the store.
    const failing: RecordFn = (db, input, options) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new DOMException('Disk full', 'QuotaExceededError'));
      return record(db, input, options);
    };
    const { db, s, stop } = await session(failing);
    const first = s.tap(point('A'));
    const lost = s.tap(point('A'));
    const third = s.tap(point('B'));
    expect(points(s)).toEqual({ a: 2, b: 1 });
    await expect(lost).rejects.toThrow('Disk full');
    // At once: the failed tap is off the screen; nothing of it is queued to sync.
    expect(points(s)).toEqual({ a: 1, b: 1 });
    const stored = await Promise.all([first, third]);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.opId)).toEqual(stored.map((r) => r.op.opId));
    await until(() => s.view.writing === 0);
    expect(points(s)).toEqual({ a: 1, b: 1 });
    expect((await db.matches.get('m1'))?.state.sets).toEqual([{ a: 1, b: 1 }]);
    stop();
  });

  it('a point from another device arriving between taps is kept under the taps shown', async () => {
    const { db, s, stop } = await session();
    await s.tap(point('A'));
    // Another write to the match (as a pull would rebase it) lands; the session reads it.
    await record(db, point('B'));
    await until(() => s.view.match?.state.rallies === 2);
    s.tap(point('A'));
    expect(points(s)).toEqual({ a: 2, b: 1 });
    await until(() => s.view.writing === 0);
    expect((await db.matches.get('m1'))?.state.sets).toEqual([{ a: 2, b: 1 }]);
    stop();
  });
});
