import { liveQuery, type Observable } from 'dexie';
import type { CourtSyncDb, LocalMatch, OutboxEntry } from './courtsync-db';
import { failedFloors, isHeld } from './outbox-queue';

/** Counts of the outbox as the UI shows them (held ops: observeHeldCount). */
export interface QueueStats {
  /** Ops still to send, held ones included. */
  pending: number;
  failed: number;
}

/** Reads the outbox counts. */
export async function readQueueStats(db: CourtSyncDb): Promise<QueueStats> {
  const [pending, failed] = await Promise.all([
    db.outbox.where('status').equals('pending').count(),
    db.outbox.where('status').equals('failed').count(),
  ]);
  return { pending, failed };
}

/** Live outbox counts (re-emits on every change, in this tab or another context). */
export function observeQueueStats(db: CourtSyncDb): Observable<QueueStats> {
  return liveQuery(() => readQueueStats(db));
}

/** Live view of one local match (undefined until it is on the device). */
export function observeMatch(db: CourtSyncDb, matchId: string): Observable<LocalMatch | undefined> {
  return liveQuery(() => db.matches.get(matchId));
}

/** An op of the queue screen: the outbox entry (attempts, last error) and whether it is held. */
export type QueuedOp = OutboxEntry & { held: boolean };

/** Live outbox in send order (pending and failed), each with its attempts and held flag. */
export function observeQueue(db: CourtSyncDb): Observable<QueuedOp[]> {
  return liveQuery(async () => {
    const [entries, floors] = await Promise.all([
      db.outbox.orderBy('seq').toArray(),
      failedFloors(db),
    ]);
    return entries.map((e) => ({ ...e, held: e.status === 'pending' && isHeld(e, floors) }));
  });
}

/** Live view of the matches of a tournament that are on this device. */
export function observeTournamentMatches(
  db: CourtSyncDb,
  tournamentId: string,
): Observable<LocalMatch[]> {
  return liveQuery(() => db.matches.where('tournamentId').equals(tournamentId).toArray());
}
