import type { OpResult } from '@courtsync/protocol';
import type { AckedOp, CourtSyncDb, OpFailure, OutboxEntry } from './courtsync-db';
import { rebaseMatch } from './match-log';

/** What the server's verdicts on one batch did to the outbox. */
export interface SettledCounts {
  applied: number;
  duplicates: number;
  rejected: number;
  /** Kept back by the server (HELD): still pending, not sent again in this run. */
  held: number;
  /** Ops of the batch the answer covered. */
  settled: number;
  /** Sum of the acked ops' time in the queue (ms), for the flush report. */
  waitMs: number;
}

/**
 * Applies the server's verdicts in one transaction: acked ops move from the outbox to `acked`
 * (in effect until a pull confirms them), refused ops become failed (out of effect: their
 * matches are rebased), HELD ops stay pending and are added to `skip` for this run.
 */
export async function settleBatch(
  db: CourtSyncDb,
  batch: readonly OutboxEntry[],
  results: readonly OpResult[],
  skip: Set<string>,
): Promise<SettledCounts> {
  const sent = new Map(batch.map((e) => [e.opId, e]));
  const counts: SettledCounts = {
    ...{ applied: 0, duplicates: 0, rejected: 0, held: 0, settled: 0, waitMs: 0 },
  };
  const now = Date.now();
  const acked: AckedOp[] = [];
  const refused: { entry: OutboxEntry; failure: OpFailure }[] = [];
  const refusedFloor = new Map<string, number>();
  for (const r of results) {
    const entry = sent.get(r.opId);
    // Only a verdict on exactly what we sent settles an op; anything else stays pending.
    if (!entry || entry.seq !== r.seq) continue;
    sent.delete(r.opId);
    counts.settled += 1;
    // One failed op per match at a time: a later refusal of the same match in this batch may
    // only follow from the first (e.g. UNKNOWN_MATCH for all), so it waits behind it, pending.
    // CLAIM_NOT_HELD is the exception: the server refused (and kept for review) each such op
    // on its own merits, so each is shown failed with that reason.
    const behind =
      (refusedFloor.get(entry.matchId) ?? Infinity) < entry.seq &&
      !(r.status === 'rejected' && r.code === 'CLAIM_NOT_HELD');
    if (r.status === 'rejected' && (r.code === 'HELD' || behind)) {
      counts.held += 1;
      skip.add(entry.opId);
    } else if (r.status === 'rejected') {
      counts.rejected += 1;
      refusedFloor.set(entry.matchId, entry.seq);
      refused.push({ entry, failure: { code: r.code, message: r.message } });
    } else {
      counts[r.status === 'applied' ? 'applied' : 'duplicates'] += 1;
      counts.waitMs += Math.max(0, now - (entry.queuedAt ?? now));
      const { opId, matchId, seq, type, payload } = entry;
      acked.push({ opId, matchId, seq, type, payload });
    }
  }
  await db.transaction('rw', [db.outbox, db.acked, db.matches, db.confirmed], async () => {
    await db.outbox.bulkDelete(acked.map((a) => a.seq));
    await db.acked.bulkPut(acked);
    await failOps(db, refused);
  });
  return counts;
}

/**
 * Sets ops aside as failed with the server's reason (one more attempt counted) and rebases
 * their matches, since a failed op is no longer in effect. Call inside a rw transaction on
 * outbox, matches, confirmed and acked (or none: it opens one).
 */
export async function failOps(
  db: CourtSyncDb,
  refused: readonly { entry: OutboxEntry; failure: OpFailure }[],
): Promise<void> {
  if (refused.length === 0) return;
  await db.transaction('rw', [db.outbox, db.acked, db.matches, db.confirmed], async () => {
    await db.outbox.bulkUpdate(
      refused.map(({ entry, failure }) => ({
        key: entry.seq,
        changes: { status: 'failed' as const, attempts: entry.attempts + 1, lastError: failure },
      })),
    );
    for (const matchId of new Set(refused.map((r) => r.entry.matchId))) {
      await rebaseMatch(db, matchId);
    }
  });
}

/** Counts one failed send (kept pending, the reason shown in the queue) for each op. */
export async function countFailedAttempt(
  db: CourtSyncDb,
  batch: readonly OutboxEntry[],
  reason: string,
): Promise<void> {
  const lastError = { code: 'RETRY', message: reason };
  await db.outbox.bulkUpdate(
    batch.map((e) => ({ key: e.seq, changes: { attempts: e.attempts + 1, lastError } })),
  );
}
