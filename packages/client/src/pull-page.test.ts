import type { FeedEvent, Op } from '@courtsync/protocol';
import type { AckedOp } from './courtsync-db';
import { apiError, fakeSyncServer } from './fake-sync-server';
import { loadEffectiveLog } from './match-log';
import { pullMatch } from './pull';
import { confirmsAckedPrefix } from './pull-page';
import { record } from './record';
import { flushOnce, freshDb, seedLocalMatch } from './test-support';

const acked = (...ids: string[]): AckedOp[] =>
  ids.map((opId, i) => ({
    opId,
    matchId: 'm1',
    seq: i + 1,
    type: 'rally',
    payload: { winner: 'A' },
  }));
const events = (...ids: string[]) => ids.map((opId) => ({ opId }) as FeedEvent);

describe('confirmsAckedPrefix', () => {
  it('holds only for the first acked ops in their order, covering every acked op that leaves', () => {
    const all = acked('a', 'b', 'c');
    expect(confirmsAckedPrefix(events('a', 'b'), all, all.slice(0, 2))).toBe(true);
    expect(confirmsAckedPrefix(events('a', 'b', 'c'), all, all)).toBe(true);
    // Another device's event, the order changed, a gap, an acked op leaving unconfirmed:
    expect(confirmsAckedPrefix(events('x', 'a'), all, all.slice(0, 1))).toBe(false);
    expect(confirmsAckedPrefix(events('b', 'a'), all, all.slice(0, 2))).toBe(false);
    expect(confirmsAckedPrefix(events('b'), all, all.slice(1, 2))).toBe(false);
    expect(confirmsAckedPrefix(events('a'), all, all.slice(0, 2))).toBe(false);
    expect(confirmsAckedPrefix(events(), all, [])).toBe(false);
  });
});

/**
 * A fixed walk over [0, 1): round r, step s gives the fractional part of (r·φ + s·√2), so the
 * rounds cover different mixes of taps, undos, other devices' points and flushes, the same on
 * every run.
 */
const roll = (round: number, step: number) =>
  (round * 0.6180339887 + step * 1.4142135624 + round * step * 0.1) % 1;

describe('storePage (through pullMatch)', () => {
  it('leaves the stored state equal to the effective log, whatever the interleaving', async () => {
    for (let round = 0; round < 12; round += 1) {
      const server = fakeSyncServer({ m1: 'beach' });
      const db = freshDb();
      await seedLocalMatch(db);
      let otherSeq = 0;
      const other = (winner: 'A' | 'B'): Op =>
        ({
          opId: crypto.randomUUID(),
          clientId: '7f0c4a7e-3c1b-4c55-9d7e-8a2f4c1b9e01',
          seq: ++otherSeq,
          matchId: 'm1',
          type: 'rally',
          payload: { winner },
          clientTime: new Date().toISOString(),
        }) as Op;
      // Pushes succeed, pulls fail until the end: acked ops pile up between other devices'.
      const pushOnly: typeof fetch = (input, init) =>
        String(input).includes('pull')
          ? Promise.resolve(apiError(503, 'INTERNAL'))
          : server.fetch(input, init);
      for (let step = 0; step < 10; step += 1) {
        const r = roll(round, step);
        if (r < 0.4) {
          await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });
        } else if (r < 0.55) {
          await record(db, { matchId: 'm1', type: 'undo' }).catch(() => undefined);
        } else if (r < 0.75) {
          server.apply([other(step % 2 === 0 ? 'A' : 'B')]);
        } else {
          await flushOnce(db, pushOnly);
        }
      }
      // A last tap stays pending on top of what the pull brings.
      await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'B' } });
      await pullMatch(db, 'm1', server.fetch, { broadcast: false });
      const match = (await db.matches.get('m1'))!;
      expect(match.state).toEqual((await loadEffectiveLog(db, match)).state);
      // Then everything goes out and comes back: each op once on the server and on the device.
      await flushOnce(db, server.fetch);
      const serverIds = server.feed.filter((e) => e.matchId === 'm1').map((e) => e.opId);
      expect(new Set(serverIds).size).toBe(serverIds.length);
      const confirmed = await db.confirmed.where('matchId').equals('m1').sortBy('matchPosition');
      expect(confirmed.map((e) => e.opId)).toEqual(serverIds);
      expect(await db.outbox.count()).toBe(0);
      expect(await db.acked.count()).toBe(0);
      expect((await db.matches.get('m1'))!.state).toEqual(server.state('m1'));
    }
  });

  it('brings back its own acked ops without changing what the screen shows', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const db = freshDb();
    await seedLocalMatch(db);
    for (const winner of ['A', 'B', 'A'] as const)
      await record(db, { matchId: 'm1', type: 'rally', payload: { winner } });
    await record(db, { matchId: 'm1', type: 'undo' });
    const pushOnly: typeof fetch = (input, init) =>
      String(input).includes('pull')
        ? Promise.resolve(apiError(503, 'INTERNAL'))
        : server.fetch(input, init);
    await flushOnce(db, pushOnly);
    const before = (await db.matches.get('m1'))!.state;
    const pulled = await pullMatch(db, 'm1', server.fetch, { broadcast: false });
    expect(pulled.events).toBe(4);
    expect(await db.acked.count()).toBe(0);
    expect((await db.matches.get('m1'))!.state).toEqual(before);
    expect(before).toEqual(server.state('m1'));
  });
});
