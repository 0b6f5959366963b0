import { DEVICE_API, MAX_OPS_PER_PUSH, type Op } from '@courtsync/protocol';
import type { CourtSyncDb, OutboxEntry } from './courtsync-db';
import { defaultFlushLock, type FlushLock } from './flush-lock';
import { countFailedAttempt, failOps, settleBatch } from './outbox-results';
import { queueFlushReport } from './flush-reports';
import { markSynced } from './last-sync';
import { countGated, countHeld, nextBatch } from './outbox-batch';
import { countPending } from './outbox-queue';
import { readFlushPermit, type FlushPermit } from './sync-gate';
import { readSettings } from './sync-settings';
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
  /**
   * `auto` (default): the settings apply (off, paused, battery rules). `now`: the user's
   * "Sync now", which sends everything whatever the settings say.
   */
  mode?: 'auto' | 'now';
  /** Keep a flush report for the server's metrics (F24; default on). */
  report?: boolean;
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
  /** Pending ops the settings kept back (battery rules; all of them when off or paused). */
  deferred: number;
  /** Automatic sync is off or paused: nothing was sent. */
  blocked?: FlushPermit['blocked'];
  /** Ops in sends that failed (network, 5xx …): they stay queued. */
  failedSends: number;
  /** Sum of the acked ops' time in the queue (ms). */
  waitMs: number;
  durationMs: number;
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
export async function flush(options: FlushOptions): Promise<FlushResult> {
  const lock = options.lock ?? defaultFlushLock();
  const result = await lock.run(() => flushLocked(options));
  // After the lock: the report is one local write; sending it is someone else's job.
  if ((options.report ?? true) && result.batches > 0) {
    await queueFlushReport(options.db, result).catch(() => undefined);
  }
  return result;
}

async function flushLocked(options: FlushOptions): Promise<FlushResult> {
  const { db } = options;
  const now = options.now ?? Date.now;
  const renew = options.renew ?? (() => renewSession(options.fetch));
  let renewed = false;
  const started = Date.now();
  const full = Math.min(options.batchSize ?? DEFAULT_BATCH, MAX_OPS_PER_PUSH);
  const result: FlushResult = {
    status: 'done',
    ...{ applied: 0, duplicates: 0, rejected: 0, held: 0, batches: 0, bytesSent: 0 },
    ...{ pending: 0, pulled: 0, deferred: 0, failedSends: 0, waitMs: 0, durationMs: 0 },
  };
  // "Sync now" overrides every rule of the settings; only the pull concurrency still applies.
  const announce = options.broadcast ?? true;
  const at = () => new Date().toISOString();
  const permit: FlushPermit =
    options.mode === 'now' ? { settings: await readSettings(db) } : await readFlushPermit(db);
  if (permit.blocked) {
    result.blocked = permit.blocked;
    result.pending = result.deferred = await countPending(db);
    if (announce) announceFinished(result, at());
    return result;
  }
  if (announce) {
    const pending = await countPending(db);
    publishSyncMessage({ type: 'flush-started', at: at(), source: SYNC_CONTEXT_ID, pending });
  }
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
    return finish(options, result, { skip, gate: permit.gate, started, announce });
  }
  // `normal` shrinks for 413 (bodies too large); `limit` also halves to bisect a refusal.
  let normal = full;
  let limit = full;

  for (;;) {
    const batch = await nextBatch(db, limit, skip, permit.gate);
    if (batch.length === 0) break;
    const outcome = await pushBatch(
      options.fetch,
      options.pushUrl ?? DEVICE_API.push,
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
      result.failedSends += batch.length;
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
    result.waitMs += settled.waitMs;
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
    result.pulled = await pullAcked(options, permit.settings.maximumConcurrentOperations);
  }
  return finish(options, result, { skip, gate: permit.gate, started, announce });
}

/** Counts what is left and tells every context how the flush ended. */
async function finish(
  options: FlushOptions,
  result: FlushResult,
  run: {
    skip: ReadonlySet<string>;
    gate: FlushPermit['gate'];
    started: number;
    announce: boolean;
  },
): Promise<FlushResult> {
  const { skip, gate, started, announce } = run;
  const { db } = options;
  const at = () => new Date().toISOString();
  result.pending = await countPending(db);
  result.held = await countHeld(db, skip);
  result.deferred = await countGated(db, gate);
  result.durationMs = Date.now() - started;
  if (result.status === 'done' && result.pending === 0) await markSynced(db);
  if (announce) announceFinished(result, at());
  return result;
}

/** Tells every context how the flush ended. */
function announceFinished(result: FlushResult, at: string): void {
  const { status, pending, applied, rejected, deferred, reason, code, retryAfterMs } = result;
  publishSyncMessage({
    type: 'flush-finished',
    at,
    source: SYNC_CONTEXT_ID,
    ...{ status, pending, applied, rejected, deferred, reason, code, retryAfterMs },
  });
}

/**
 * Pulls every match with acked ops not yet confirmed, up to `concurrency` at once (the
 * settings' maximum concurrent operations); a failed pull waits for the next flush.
 */
async function pullAcked(options: FlushOptions, concurrency: number): Promise<number> {
  const { db } = options;
  const queue = [...new Set((await db.acked.toArray()).map((a) => a.matchId))];
  let pulled = 0;
  const worker = async () => {
    for (let matchId = queue.shift(); matchId !== undefined; matchId = queue.shift()) {
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
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return pulled;
}

/** The op as it goes on the wire (the outbox's own fields stay on the device). */
function toWireOp(entry: OutboxEntry): Op {
  const { opId, clientId, seq, matchId, type, payload, clientTime } = entry;
  return { opId, clientId, seq, matchId, type, payload, clientTime } as Op;
}

export { countPending } from './outbox-queue';
