import type { CourtSyncDb } from './courtsync-db';

/**
 * Whether every op of `opIds` was sent from this device and is still on its way back: in the
 * outbox (pending: its flush is under way) or acked and not yet pulled. The flush that pushes
 * an op pulls its match right after the push (flush.ts), so a live-stream poke that names only
 * such ops needs no pull of its own — on a scorekeeper's phone that is every point it scores,
 * and a second pull of the same events ran beside the flush's (seen in an e2e trace on
 * 2026-12-07: three pulls per point). An op of another device, or one this device sees as
 * failed (an admin may have accepted it), is not "on its way back": the caller pulls.
 */
export async function onlyOwnOpsInFlight(
  db: CourtSyncDb,
  opIds: readonly string[],
): Promise<boolean> {
  if (opIds.length === 0) return false;
  const [acked, queued] = await Promise.all([
    db.acked.bulkGet([...opIds]),
    db.outbox
      .where('opId')
      .anyOf([...opIds])
      .toArray(),
  ]);
  const pending = new Set(queued.filter((e) => e.status === 'pending').map((e) => e.opId));
  return opIds.every((id, i) => acked[i] !== undefined || pending.has(id));
}
