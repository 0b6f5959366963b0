import { liveQuery, type Observable } from 'dexie';
import type { CourtSyncDb, LocalMatch, OutboxEntry } from './courtsync-db';

/** Counts of the outbox as the UI shows them. */
export interface QueueStats {
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

/** Live list of failed ops, newest first, for the queue screen. */
export function observeFailedOps(db: CourtSyncDb): Observable<OutboxEntry[]> {
  return liveQuery(async () =>
    (await db.outbox.where('status').equals('failed').toArray()).reverse(),
  );
}
