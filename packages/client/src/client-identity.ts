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

/** The meta keys `identityFrom` reads. */
export const IDENTITY_KEYS = ['clientId', 'nextSeq'] as const;

/**
 * This device's client id and next seq from the rows of IDENTITY_KEYS read in the caller's
 * transaction (one round with its other reads), and the rows to write back with the op: the
 * bumped counter, and the id on first use. Write them in the same rw transaction on meta.
 */
export function identityFrom(rows: readonly ({ value: unknown } | undefined)[]): {
  clientId: string;
  seq: number;
  writes: { key: string; value: unknown }[];
} {
  const [idRow, seqRow] = rows;
  const known = typeof idRow?.value === 'string' ? idRow.value : undefined;
  const clientId = known ?? crypto.randomUUID();
  const seq = typeof seqRow?.value === 'number' ? seqRow.value : 1;
  const writes: { key: string; value: unknown }[] = [{ key: 'nextSeq', value: seq + 1 }];
  if (!known) writes.push({ key: 'clientId', value: clientId });
  return { clientId, seq, writes };
}
