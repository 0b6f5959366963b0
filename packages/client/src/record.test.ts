import { ScoringError } from '@courtsync/scoring';
import { opSchema } from '@courtsync/protocol';
import { record } from './record';
import { freshDb, seedLocalMatch } from './test-support';
import { ClientError } from './client-error';

describe('record', () => {
  it('writes the op to the outbox and the state in one go, with increasing seqs', async () => {
    const db = freshDb();
    await seedLocalMatch(db);
    const first = await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });
    const second = await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'B' } });
    const third = await record(db, { matchId: 'm1', type: 'undo' });

    expect([first.op.seq, second.op.seq, third.op.seq]).toEqual([1, 2, 3]);
    expect(new Set([first, second, third].map((r) => r.op.clientId)).size).toBe(1);
    for (const r of [first, second, third]) expect(opSchema.safeParse(r.op).success).toBe(true);
    // The undo names what the screen showed as last: the second rally.
    expect(third.op.payload).toEqual({ target: second.op.opId });

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((o) => [o.type, o.status])).toEqual([
      ['rally', 'pending'],
      ['rally', 'pending'],
      ['undo', 'pending'],
    ]);
    expect(third.state.sets).toEqual([{ a: 1, b: 0 }]);
    expect((await db.matches.get('m1'))?.state).toEqual(third.state);
  });

  it('undoes a named earlier action and replays the later ones', async () => {
    const db = freshDb();
    await seedLocalMatch(db);
    const a = await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });
    await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'B' } });
    const undo = await record(db, { matchId: 'm1', type: 'undo', payload: { target: a.op.opId } });
    expect(undo.state.sets).toEqual([{ a: 0, b: 1 }]);
    // Undoing it again is refused: it is already undone.
    const again = record(db, { matchId: 'm1', type: 'undo', payload: { target: a.op.opId } });
    await expect(again).rejects.toBeInstanceOf(ScoringError);
  });

  it('refuses an action the rules forbid and writes nothing', async () => {
    const db = freshDb();
    await seedLocalMatch(db);
    await expect(record(db, { matchId: 'm1', type: 'undo' })).rejects.toBeInstanceOf(ScoringError);
    expect(await db.outbox.count()).toBe(0);
    // The refused op did not consume a seq.
    const ok = await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });
    expect(ok.op.seq).toBe(1);
  });

  it('leaves failed ops out of what the screen shows', async () => {
    const db = freshDb();
    await seedLocalMatch(db);
    const a = await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });
    await db.outbox.update(a.op.seq, { status: 'failed' });
    const b = await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'B' } });
    expect(b.state.sets).toEqual([{ a: 0, b: 1 }]);
  });

  it('refuses a match the device does not know', async () => {
    const db = freshDb();
    const attempt = record(db, { matchId: 'nope', type: 'rally', payload: { winner: 'A' } });
    await expect(attempt).rejects.toBeInstanceOf(ClientError);
    await expect(attempt).rejects.toMatchObject({ code: 'UNKNOWN_MATCH' });
  });

  it('keeps seqs unique under concurrent taps', async () => {
    const db = freshDb();
    await seedLocalMatch(db, 'm1', 'indoor');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        record(db, { matchId: 'm1', type: 'rally', payload: { winner: i % 2 ? 'A' : 'B' } }),
      ),
    );
    expect(new Set(results.map((r) => r.op.seq)).size).toBe(20);
    expect((await db.matches.get('m1'))?.state.rallies).toBe(20);
  });
});
