import type { CourtSyncDb } from './courtsync-db';

const KEY = 'retryNotBefore';

/** Until when (ms since the epoch) the server asked this origin not to push; 0 if never. */
export async function readRetryNotBefore(db: CourtSyncDb): Promise<number> {
  const value = (await db.meta.get(KEY))?.value;
  return typeof value === 'number' ? value : 0;
}

/** Records a Retry-After (429, 503) for every context of the origin: pages and the worker. */
export async function setRetryNotBefore(db: CourtSyncDb, at: number): Promise<void> {
  await db.meta.put({ key: KEY, value: at });
}
