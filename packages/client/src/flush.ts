import { API, MAX_OPS_PER_PUSH, type Op } from '@courtsync/protocol';
import type { CourtSyncDb, OutboxEntry } from './courtsync-db';
import { defaultFlushLock, type FlushLock } from './flush-lock';
import { countFailedAttempt, failOps, settleBatch } from './outbox-results';
import { countHeld, countPending, nextBatch } from './outbox-queue';
import { pullMatch } from './pull';
import { pushBatch } from './push-transport';
import { publishSyncMessage, SYNC_CONTEXT_ID, type FlushStatus } from './sync-channel';
import { renewSession } from './auth-session';
import { clearSyncBlock, setSyncBlock } from './sync-block';
import { readRetryNotBefore, setRetryNotBefore } from './retry-after';

/** What flush needs from its surroundings; injected so tests and the worker choose their own. */
export interface FlushOptions {
  db: CourtSyncDb;
  fetch: typeof fetch;
  lock?: FlushLock;
  /** Absolute or origin-relative URL of the push endpoint. */
  pushUrl?: string;
  /** Absolute or origin-relative URL of the pull endpoint. */
  pullUrl?: string;
  /** Ops per request (F10: batched, ordered). */
  batchSize?: number;
  /** Gzip bodies where the platform can (F19). */
  compress?: boolean;
  /** Broadcast progress to other contexts (off in unit tests). */
  broadcast?: boolean;
  /** After a flush that went through, pull the matches whose ops the server acked (default on). */
  pull?: boolean;
  /**
   * On a 401, renew the session once (refresh cookie) and send the batch again; default
   * `renewSession` over `fetch`, `false` to pause at once.
   */
  renew?: (() => Promise<boolean>) | false;
  /** Clock for the Retry-After gate (tests). */
  now?: () => number;
}

/**
 * The end of one flush. `retry`: ops are still pending and trying later may help (network,
 * 5xx, 408, 429); `paused`: the server refuses this device (401/403) until the user acts.
 */
export interface FlushResult {
  status: FlushStatus;
  applied: number;
  duplicates: number;
  rejected: number;
  /** Pending ops left behind a failed op of their match, or kept back by the server. */
  held: number;
  batches: number;
  bytesSent: number;
  pending: number;
  /** Matches pulled after the push. */
  pulled: number;
  reason?: string;
  /** For `paused`: AUTH_REQUIRED or FORBIDDEN. */
  code?: string;
  retryAfterMs?: number;
}

const DEFAULT_BATCH = 200;

/**
 * Pushes every pending op of the outbox, oldest first, in batches; acked ops wait in `acked`
 * until the pull that follows confirms them. Refused ops go to the failed list and the later
 * ops of their match are held (its order never breaks) while other matches keep flowing.
 * One flush at a time per origin (the lock): the service worker and any tab may call it.
 */
export function flush(options: FlushOptions): Promise<FlushResult> {
  const lock = options.lock ?? defaultFlushLock();
  return lock.run(() => flushLocked(options));
}

async function flushLocked(options: FlushOptions): Promise<FlushResult> {
  const { db } = options;
  const now = options.now ?? Date.now;
  const renew = options.renew ?? (() => renewSession(options.fetch));
  let renewed = false;
  const full = Math.min(options.batchSize ?? DEFAULT_BATCH, MAX_OPS_PER_PUSH);
  const result: FlushResult = {
    status: 'done',
    ...{ applied: 0, duplicates: 0, rejected: 0, held: 0, batches: 0, bytesSent: 0 },
    ...{ pending: 0, pulled: 0 },
  };
  const announce = options.broadcast ?? true;
  const at = () => new Date().toISOString();
  if (announce) publishSyncMessage({ type: 'flush-started', at: at(), source: SYNC_CONTEXT_ID });
  const skip = new Set<string>();
  // A Retry-After the server gave any context of this origin (a page, the worker) holds for
  // all of them: no request goes out before it (F12, F22).
  const notBefore = await readRetryNotBefore(db);
  if (notBefore > now() && (await countPending(db)) > 0) {
    Object.assign(result, {
      status: 'retry',
      reason: 'waiting for Retry-After',
      retryAfterMs: notBefore - now(),
    });
    return finish(options, result, skip, announce);
  }
  // `normal` shrinks for 413 (bodies too large); `limit` also halves to bisect a refusal.
  let normal = full;
  let limit = full;

  for (;;) {
    const batch = await nextBatch(db, limit, skip);
    if (batch.length === 0) break;
    const outcome = await pushBatch(
      options.fetch,
      options.pushUrl ?? API.push,
      batch.map(toWireOp),
      options.compress ?? true,
    );
    result.batches += 1;

    if (outcome.kind === 'paused' && outcome.status === 401 && renew && !renewed) {
      // The access token lapsed: renew it with the refresh cookie and send the batch again.
      renewed = true;
      if (await renew()) continue;
    }
    if (outcome.kind === 'paused') {
      await setSyncBlock(db, { code: outcome.code, message: outcome.message, at: at() });
      Object.assign(result, { status: 'paused', code: outcome.code, reason: outcome.message });
      break;
    }
    const bisectable =
      outcome.kind === 'too-large' ||
      (outcome.kind === 'refused' && (outcome.status === 400 || outcome.status === 422));
    if (outcome.kind === 'retry' || (outcome.kind === 'refused' && !bisectable)) {
      // Other 4xx (404, 415 …) say nothing about the ops: keep them and try again later.
      const reason = outcome.kind === 'retry' ? outcome.reason : `HTTP ${outcome.status}`;
      await countFailedAttempt(db, batch, reason);
      result.status = 'retry';
      result.reason = reason;
      result.retryAfterMs = outcome.kind === 'retry' ? outcome.retryAfterMs : undefined;
      if (result.retryAfterMs) await setRetryNotBefore(db, now() + result.retryAfterMs);
      break;
    }
    if (outcome.kind === 'too-large' || outcome.kind === 'refused') {
      if (batch.length > 1) {
        // One bad op must not fail its batch: halve until the refused op stands alone.
        limit = Math.max(1, Math.floor(batch.length / 2));
        if (outcome.kind === 'too-large') normal = limit;
        continue;
      }
      const failure =
        outcome.kind === 'refused'
          ? { code: outcome.code, message: outcome.message }
          : { code: 'PAYLOAD_TOO_LARGE', message: 'This op is too large to send' };
      await failOps(db, [{ entry: batch[0]!, failure }]);
      result.rejected += 1;
      limit = normal;
      continue;
    }

    await clearSyncBlock(db);
    result.bytesSent += outcome.bytesSent;
    const settled = await settleBatch(db, batch, outcome.results, skip);
    result.applied += settled.applied;
    result.duplicates += settled.duplicates;
    result.rejected += settled.rejected;
    if (settled.settled === 0) {
      // The server answered without settling any op we sent: stop rather than loop forever.
      result.status = 'retry';
      result.reason = 'push response did not cover the batch';
      break;
    }
    if (announce) {
      publishSyncMessage({
        type: 'flush-progress',
        at: at(),
        source: SYNC_CONTEXT_ID,
        applied: result.applied,
        duplicates: result.duplicates,
        rejected: result.rejected,
        pending: await countPending(db),
      });
    }
  }

  if (result.status === 'done' && (options.pull ?? true)) {
    result.pulled = await pullAcked(options);
  }
  return finish(options, result, skip, announce);
}

/** Counts what is left and tells every context how the flush ended. */
async function finish(
  options: FlushOptions,
  result: FlushResult,
  skip: ReadonlySet<string>,
  announce: boolean,
): Promise<FlushResult> {
  const { db } = options;
  const at = () => new Date().toISOString();
  result.pending = await countPending(db);
  result.held = await countHeld(db, skip);
  if (announce) {
    const { status, pending, reason, code, retryAfterMs } = result;
    publishSyncMessage({
      type: 'flush-finished',
      at: at(),
      source: SYNC_CONTEXT_ID,
      ...{ status, pending, reason, code, retryAfterMs },
    });
  }
  return result;
}

/** Pulls every match with acked ops not yet confirmed; a failed pull waits for the next one. */
async function pullAcked(options: FlushOptions): Promise<number> {
  const { db } = options;
  const acked = await db.acked.toArray();
  let pulled = 0;
  for (const matchId of new Set(acked.map((a) => a.matchId))) {
    try {
      await pullMatch(db, matchId, options.fetch, {
        pullUrl: options.pullUrl,
        broadcast: options.broadcast,
      });
      pulled += 1;
    } catch {
      // Offline again or the server is busy: the ops stay in effect from `acked` meanwhile.
    }
  }
  return pulled;
}

/** The op as it goes on the wire (the outbox's own fields stay on the device). */
function toWireOp(entry: OutboxEntry): Op {
  const { opId, clientId, seq, matchId, type, payload, clientTime } = entry;
  return { opId, clientId, seq, matchId, type, payload, clientTime } as Op;
}

export { countPending } from './outbox-queue';
