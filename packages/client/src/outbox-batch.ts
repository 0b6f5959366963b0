import Dexie from 'dexie';
import type { CourtSyncDb, OutboxEntry } from './courtsync-db';
import { countPending, failedFloors, isHeld } from './outbox-queue';

// What a flush sends next and what it holds back, apart from the queue's counts (outbox-queue.ts)
// that every page's sync indicator reads: only the flush and the sync manager need these.

/**
 * Which ops the settings let go now (battery rules, F14): ops scoring at least `minScore`,
 * and every op of the matches in `liveMatches`. Both hold for a prefix of each match's queue
 * (send scores never rise along a match's seq), so a gate never breaks a match's order.
 */
export interface SendGate {
  minScore: number;
  liveMatches: ReadonlySet<string>;
}

/** Whether the gate lets an op go (no gate: every op). */
export function passesGate(entry: OutboxEntry, gate: SendGate | undefined): boolean {
  return !gate || entry.score >= gate.minScore || gate.liveMatches.has(entry.matchId);
}

/** Pending ops, highest send score first, each match in seq order (see priority-scoring.ts). */
function pendingByPriority(db: CourtSyncDb) {
  return (
    db.outbox
      .where('[status+rank+seq]')
      // The upper bound is shorter on purpose: a key holding the same maxKey array twice reads
      // as a cycle to some IndexedDB implementations.
      .between(['pending', Dexie.minKey, Dexie.minKey], ['pending', Dexie.maxKey])
  );
}

/**
 * The next ops to send, highest priority first with each match's order kept, leaving out ops
 * held behind a failed op, ops in `skip` (kept back by the server in this run) and ops the
 * gate holds back.
 */
export async function nextBatch(
  db: CourtSyncDb,
  size: number,
  skip: ReadonlySet<string>,
  gate?: SendGate,
): Promise<OutboxEntry[]> {
  const floors = await failedFloors(db);
  const pending = pendingByPriority(db);
  // Nothing failed, kept back or gated (the usual case): one indexed read (getAll), no walk.
  if (floors.size === 0 && skip.size === 0 && !gate) return pending.limit(size).toArray();
  // A match with a skipped op sends nothing after it in this run either (its order).
  const skipFloors = new Map<string, number>();
  return pending
    .filter((e) => {
      if (isHeld(e, floors) || isHeld(e, skipFloors) || !passesGate(e, gate)) return false;
      if (!skip.has(e.opId)) return true;
      if (!skipFloors.has(e.matchId)) skipFloors.set(e.matchId, e.seq);
      return false;
    })
    .limit(size)
    .toArray();
}

/**
 * Whether a flush has anything to do: ops to send, acked ops to confirm by a pull, or flush
 * reports to deliver. An automatic run with none of these is skipped (nothing to load or send).
 */
export async function hasSyncWork(db: CourtSyncDb): Promise<boolean> {
  const counts = await Promise.all([countPending(db), db.acked.count(), db.reports.count()]);
  return counts.some((n) => n > 0);
}

/** Pending ops the gate holds back (0 without a gate). */
export async function countGated(db: CourtSyncDb, gate: SendGate | undefined): Promise<number> {
  if (!gate) return 0;
  return db.outbox
    .where('status')
    .equals('pending')
    .filter((e) => !passesGate(e, gate))
    .count();
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
