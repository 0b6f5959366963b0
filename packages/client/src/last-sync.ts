import { liveQuery, type Observable } from 'dexie';
import type { CourtSyncDb } from './courtsync-db';

/** Meta key of the time (ms since the epoch) a flush last left nothing pending. */
export const LAST_SYNC_KEY = 'lastSyncAt';

/**
 * Notes that a flush has just left nothing pending (F15 "last successful sync"). Kept in
 * IndexedDB so every screen and every reload shows it, whichever context flushed.
 */
export async function markSynced(db: CourtSyncDb, at = Date.now()): Promise<void> {
  await db.meta.put({ key: LAST_SYNC_KEY, value: at });
}

/** The last time a flush left nothing pending, live; undefined before the first one. */
export function observeLastSync(db: CourtSyncDb): Observable<number | undefined> {
  return liveQuery(async () => {
    const value = (await db.meta.get(LAST_SYNC_KEY))?.value;
    return typeof value === 'number' ? value : undefined;
  });
}
