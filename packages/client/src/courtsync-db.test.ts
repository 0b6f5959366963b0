import Dexie from 'dexie';
import { replay } from '@courtsync/scoring';
import { CourtSyncDb } from './courtsync-db';
import { nextBatch } from './outbox-batch';

describe('CourtSyncDb upgrades to versions 3 and 4', () => {
  it('drops the mixed local log, keeps the outbox (now with a priority), and makes every match pull again', async () => {
    const name = `upgrade-${process.pid}-${Date.now()}`;
    const old = new Dexie(name);
    old.version(2).stores({
      outbox: 'seq, &opId, matchId, status, [status+seq]',
      events: '++id, [matchId+id], &opId',
      matches: 'id, tournamentId',
      meta: 'key',
      listings: 'key',
    });
    const state = replay('beach', [{ type: 'rally', winner: 'A' }]);
    await old
      .table('matches')
      .put({ id: 'm1', tournamentId: 't1', format: 'beach', state, importedAt: 1 });
    await old
      .table('events')
      .add({ matchId: 'm1', opId: 'x', type: 'rally', payload: { winner: 'A' } });
    await old
      .table('outbox')
      .put({ seq: 1, opId: 'x', matchId: 'm1', status: 'pending', attempts: 0, createdAt: 5 });
    old.close();

    const db = new CourtSyncDb(name);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('events');
    const match = await db.matches.get('m1');
    expect(match).toMatchObject({ state });
    expect(match?.importedAt).toBeUndefined();
    expect(await db.outbox.get(1)).toEqual({
      seq: 1,
      opId: 'x',
      matchId: 'm1',
      status: 'pending',
      attempts: 0,
      priority: 'normal',
      ownScore: 50,
      score: 50,
      rank: -50,
      queuedAt: expect.any(Number),
    });
    expect(await db.outbox.where('[matchId+seq]').between(['m1', 0], ['m1', 9]).count()).toBe(1);
    // Version 4's priority index holds the old op: the flush still finds it.
    expect((await nextBatch(db, 10, new Set())).map((e) => e.opId)).toEqual(['x']);
    db.close();
  });
});
