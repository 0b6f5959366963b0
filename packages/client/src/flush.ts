import Dexie from 'dexie';
import { API, MAX_OPS_PER_PUSH, type Op, type OpResult } from '@courtsync/protocol';
import type { CourtSyncDb, OpFailure, OutboxEntry } from './courtsync-db';
import { defaultFlushLock, type FlushLock } from './flush-lock';
import { pushBatch } from './push-transport';
import { publishSyncMessage } from './sync-channel';

/** What flush needs from its surroundings; injected so tests and the worker choose their own. */
export interface FlushOptions {
  db: CourtSyncDb;
  fetch: typeof fetch;
  lock?: FlushLock;
  /** Absolute or origin-relative URL of the push endpoint. */
  pushUrl?: string;
  /** Ops per request (F10: batched, ordered). */
  batchSize?: number;
  /** Gzip bodies where the platform can (F19). */
  compress?: boolean;
  /** Broadcast progress to other contexts (off in unit tests). */
  broadcast?: boolean;
}

/** The end of one flush. `retry` means ops are still pending and the caller should try later. */
export interface FlushResult {
  status: 'done' | 'retry';
  applied: number;
  duplicates: number;
  rejected: number;
  batches: number;
  bytesSent: number;
  pending: number;
  reason?: string;
  retryAfterMs?: number;
}

const DEFAULT_BATCH = 200;

/**
 * Pushes every pending op of the outbox, oldest first, in batches, and removes the acked ones.
 * One flush at a time per origin (the lock): the service worker and any tab may call it.
 */
export function flush(options: FlushOptions): Promise<FlushResult> {
  const lock = options.lock ?? defaultFlushLock();
  return lock.run(() => flushLocked(options));
}

async function flushLocked(options: FlushOptions): Promise<FlushResult> {
  const { db } = options;
  const url = options.pushUrl ?? API.push;
  let batchSize = Math.min(options.batchSize ?? DEFAULT_BATCH, MAX_OPS_PER_PUSH);
  const result: FlushResult = {
    status: 'done',
    applied: 0,
    duplicates: 0,
    rejected: 0,
    batches: 0,
    bytesSent: 0,
    pending: 0,
  };
  const announce = options.broadcast ?? true;
  if (announce) publishSyncMessage({ type: 'flush-started', at: new Date().toISOString() });

  for (;;) {
    const batch = await nextBatch(db, batchSize);
    if (batch.length === 0) break;
    const outcome = await pushBatch(
      options.fetch,
      url,
      batch.map(toWireOp),
      options.compress ?? true,
    );
    result.batches += 1;

    if (outcome.kind === 'retry') {
      // Attempts count failed sends only (the max-attempts setting, F14): a send that works
      // removes the ops anyway, so the happy path pays no extra write per op.
      await countFailedAttempt(db, batch, outcome.reason);
      result.status = 'retry';
      result.reason = outcome.reason;
      result.retryAfterMs = outcome.retryAfterMs;
      break;
    }
    if (outcome.kind === 'too-large') {
      if (batch.length > 1) {
        batchSize = Math.max(1, Math.floor(batch.length / 2));
        continue;
      }
      await markFailed(db, batch, {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'This op is too large to send',
      });
      result.rejected += 1;
      continue;
    }
    if (outcome.kind === 'refused') {
      // The request as a whole was refused: keep its ops, visibly, instead of retrying forever.
      await markFailed(db, batch, { code: outcome.code, message: outcome.message });
      result.rejected += batch.length;
      continue;
    }

    result.bytesSent += outcome.bytesSent;
    const progress = await applyResults(db, batch, outcome.results);
    result.applied += progress.applied;
    result.duplicates += progress.duplicates;
    result.rejected += progress.rejected;
    if (progress.settled === 0) {
      // The server answered without settling any op we sent: stop rather than loop forever.
      result.status = 'retry';
      result.reason = 'push response did not cover the batch';
      break;
    }
    if (announce) {
      publishSyncMessage({
        type: 'flush-progress',
        at: new Date().toISOString(),
        applied: result.applied,
        duplicates: result.duplicates,
        rejected: result.rejected,
        pending: await countPending(db),
      });
    }
  }

  result.pending = await countPending(db);
  if (announce) {
    publishSyncMessage({
      type: 'flush-finished',
      at: new Date().toISOString(),
      status: result.status,
      pending: result.pending,
      reason: result.reason,
    });
  }
  return result;
}

/** The oldest pending ops, in seq order (which keeps each match's order). */
function nextBatch(db: CourtSyncDb, size: number): Promise<OutboxEntry[]> {
  return db.outbox
    .where('[status+seq]')
    .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
    .limit(size)
    .toArray();
}

/** Pending ops in the outbox. */
export function countPending(db: CourtSyncDb): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

function toWireOp(entry: OutboxEntry): Op {
  const { opId, clientId, seq, matchId, type, payload, clientTime } = entry;
  return { opId, clientId, seq, matchId, type, payload, clientTime } as Op;
}

/** Removes acked ops and sets refused ones aside, in one transaction (bulk: one pass each). */
async function applyResults(db: CourtSyncDb, batch: OutboxEntry[], results: OpResult[]) {
  const sent = new Map(batch.map((e) => [e.opId, e]));
  const counts = { applied: 0, duplicates: 0, rejected: 0, settled: 0 };
  const acked: number[] = [];
  const refused: { key: number; changes: Partial<OutboxEntry> }[] = [];
  for (const r of results) {
    const entry = sent.get(r.opId);
    // Only a verdict on exactly what we sent settles an op; anything else stays pending.
    if (!entry || entry.seq !== r.seq) continue;
    sent.delete(r.opId);
    counts.settled += 1;
    if (r.status === 'rejected') {
      counts.rejected += 1;
      const lastError = { code: r.code, message: r.message };
      refused.push({ key: entry.seq, changes: { status: 'failed', lastError } });
    } else {
      counts[r.status === 'applied' ? 'applied' : 'duplicates'] += 1;
      acked.push(entry.seq);
    }
  }
  await db.transaction('rw', db.outbox, async () => {
    await db.outbox.bulkDelete(acked);
    await db.outbox.bulkUpdate(refused);
  });
  return counts;
}

async function countFailedAttempt(db: CourtSyncDb, batch: OutboxEntry[], reason: string) {
  const lastError = { code: 'RETRY', message: reason };
  await db.outbox.bulkUpdate(
    batch.map((e) => ({ key: e.seq, changes: { attempts: e.attempts + 1, lastError } })),
  );
}

async function markFailed(db: CourtSyncDb, batch: OutboxEntry[], failure: OpFailure) {
  await db.outbox.bulkUpdate(
    batch.map((e) => ({ key: e.seq, changes: { status: 'failed' as const, lastError: failure } })),
  );
}
