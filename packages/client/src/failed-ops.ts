import { liveQuery, type Observable } from 'dexie';
import type { CourtSyncDb, OutboxEntry } from './courtsync-db';
import { rebaseMatch } from './match-log';
import { countHeld } from './outbox-batch';

/**
 * Puts a failed op back in the queue, in its original place (same seq, so the match's order
 * holds and the ops held behind it follow it), and back in effect on the screen. Returns
 * false when there is no such failed op.
 */
export function retryFailedOp(db: CourtSyncDb, opId: string): Promise<boolean> {
  return db.transaction('rw', [db.outbox, db.matches, db.confirmed, db.acked], async () => {
    const entry = await db.outbox.where('opId').equals(opId).first();
    if (entry?.status !== 'failed') return false;
    await db.outbox.update(entry.seq, { status: 'pending' });
    await rebaseMatch(db, entry.matchId);
    return true;
  });
}

/**
 * Drops a failed op for good and rebases its match (the screen shows the server's log with
 * this device's other ops on top); ops held behind it are sent on the next flush. Returns
 * false when there is no such failed op.
 */
export function discardFailedOp(db: CourtSyncDb, opId: string): Promise<boolean> {
  return db.transaction('rw', [db.outbox, db.matches, db.confirmed, db.acked], async () => {
    const entry = await db.outbox.where('opId').equals(opId).first();
    if (entry?.status !== 'failed') return false;
    await db.outbox.delete(entry.seq);
    await rebaseMatch(db, entry.matchId);
    return true;
  });
}

/** Live list of failed ops, newest first, with their reason and attempts, for the failed list. */
export function observeFailedOps(db: CourtSyncDb): Observable<OutboxEntry[]> {
  return liveQuery(async () =>
    (await db.outbox.where('status').equals('failed').toArray()).reverse(),
  );
}

/** Live count of pending ops held behind a failed op of their match. */
export function observeHeldCount(db: CourtSyncDb): Observable<number> {
  return liveQuery(() => countHeld(db));
}
