import { onlyOwnOpsInFlight } from './own-ops';
import { record } from './record';
import { freshDb, seedLocalMatch } from './test-support';

/** A device with two recorded ops of m1: the first acked, the second still queued. */
async function device() {
  const db = freshDb();
  await seedLocalMatch(db, 'm1');
  const first = await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });
  const second = await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'B' } });
  const entry = await db.outbox.where('opId').equals(first.op.opId).first();
  await db.outbox.delete(entry!.seq);
  const { opId, matchId, seq, type, payload } = first.op;
  await db.acked.put({ opId, matchId, seq, type, payload });
  return { db, acked: opId, queued: second.op.opId };
}

describe('onlyOwnOpsInFlight', () => {
  it('holds for ops this device queued or had acked and not yet pulled', async () => {
    const { db, acked, queued } = await device();
    expect(await onlyOwnOpsInFlight(db, [acked])).toBe(true);
    expect(await onlyOwnOpsInFlight(db, [queued])).toBe(true);
    expect(await onlyOwnOpsInFlight(db, [acked, queued])).toBe(true);
  });

  it('fails for another device’s op, for a failed op, and for nothing', async () => {
    const { db, acked, queued } = await device();
    expect(await onlyOwnOpsInFlight(db, [acked, crypto.randomUUID()])).toBe(false);
    const entry = await db.outbox.where('opId').equals(queued).first();
    await db.outbox.update(entry!.seq, { status: 'failed' });
    expect(await onlyOwnOpsInFlight(db, [queued])).toBe(false);
    expect(await onlyOwnOpsInFlight(db, [])).toBe(false);
  });
});
