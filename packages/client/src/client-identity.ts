import type { CourtSyncDb } from './courtsync-db';

/** Returns this device's client id, creating it on first use. Call inside a rw transaction on meta. */
export async function ensureClientId(db: CourtSyncDb): Promise<string> {
  const row = await db.meta.get('clientId');
  if (typeof row?.value === 'string') return row.value;
  const id = crypto.randomUUID();
  await db.meta.put({ key: 'clientId', value: id });
  return id;
}

/** Allocates the next op sequence number. Call inside a rw transaction on meta so seqs never repeat. */
export async function nextSeq(db: CourtSyncDb): Promise<number> {
  const row = await db.meta.get('nextSeq');
  const seq = typeof row?.value === 'number' ? row.value : 1;
  await db.meta.put({ key: 'nextSeq', value: seq + 1 });
  return seq;
}
