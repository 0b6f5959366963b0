import Dexie from 'dexie';
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

/**
 * The oldest pending ops to send, in seq order (which keeps each match's order), leaving out
 * ops held behind a failed op and ops in `skip` (kept back by the server in this run).
 */
export async function nextBatch(
  db: CourtSyncDb,
  size: number,
  skip: ReadonlySet<string>,
): Promise<OutboxEntry[]> {
  const floors = await failedFloors(db);
  const pending = db.outbox
    .where('[status+seq]')
    .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]);
  // Nothing failed or kept back (the usual case): one indexed read (getAll), no cursor walk.
  if (floors.size === 0 && skip.size === 0) return pending.limit(size).toArray();
  // A match with a skipped op sends nothing after it in this run either (its order).
  const skipFloors = new Map<string, number>();
  return pending
    .filter((e) => {
      if (isHeld(e, floors) || isHeld(e, skipFloors)) return false;
      if (!skip.has(e.opId)) return true;
      if (!skipFloors.has(e.matchId)) skipFloors.set(e.matchId, e.seq);
      return false;
    })
    .limit(size)
    .toArray();
}

/** Pending ops in the outbox (held ones included: they are still to be sent). */
export function countPending(db: CourtSyncDb): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

/** Pending ops held behind a failed op of their match, or kept back (`skip`) in this run. */
export async function countHeld(
  db: CourtSyncDb,
  skip: ReadonlySet<string> = new Set(),
): Promise<number> {
  const floors = await failedFloors(db);
  if (floors.size === 0 && skip.size === 0) return 0;
  return db.outbox
    .where('status')
    .equals('pending')
    .filter((e) => isHeld(e, floors) || skip.has(e.opId))
    .count();
}
