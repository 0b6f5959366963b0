import type { CourtSyncDb, OutboxEntry } from './courtsync-db';

/**
 * For each match with a failed op: the lowest failed seq (later ops of it are held). An op
 * refused CLAIM_NOT_HELD holds nothing: the server keeps it for an admin to accept or dismiss
 * (at the end of the match's log), and the device's later ops go on when it holds the claim.
 */
export async function failedFloors(db: CourtSyncDb): Promise<Map<string, number>> {
  const floors = new Map<string, number>();
  await db.outbox
    .where('status')
    .equals('failed')
    .each((e) => {
      if (e.lastError?.code === 'CLAIM_NOT_HELD') return;
      const floor = floors.get(e.matchId);
      if (floor === undefined || e.seq < floor) floors.set(e.matchId, e.seq);
    });
  return floors;
}

/** Whether a pending op waits behind a failed op of its match (so the match's order holds). */
export function isHeld(entry: OutboxEntry, floors: Map<string, number>): boolean {
  const floor = floors.get(entry.matchId);
  return floor !== undefined && entry.seq > floor;
}

/** Pending ops in the outbox (held ones included: they are still to be sent). */
export function countPending(db: CourtSyncDb): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}
