import { liveQuery, type Observable } from 'dexie';
import type { CourtSyncDb } from './courtsync-db';

/** Why pushing is stopped until the user acts (401/403): shown as a banner. */
export interface SyncBlock {
  code: 'AUTH_REQUIRED' | 'FORBIDDEN';
  message: string;
  /** When the server said so (ISO-8601). */
  at: string;
}

const KEY = 'syncBlock';

/** Records that the server refuses this device's pushes (kept until a push works again). */
export async function setSyncBlock(db: CourtSyncDb, block: SyncBlock): Promise<void> {
  await db.meta.put({ key: KEY, value: block });
}

/** Clears the block after a push the server accepted; a no-op (no write) when there is none. */
export async function clearSyncBlock(db: CourtSyncDb): Promise<void> {
  if (await db.meta.get(KEY)) await db.meta.delete(KEY);
}

/** The current block, if any. */
export async function readSyncBlock(db: CourtSyncDb): Promise<SyncBlock | undefined> {
  return (await db.meta.get(KEY))?.value as SyncBlock | undefined;
}

/** Live view of the block (undefined while pushes are allowed), for the sign-in banner. */
export function observeSyncBlock(db: CourtSyncDb): Observable<SyncBlock | undefined> {
  return liveQuery(() => readSyncBlock(db));
}
