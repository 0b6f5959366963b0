import type { OpResult } from '@courtsync/protocol';
import type { Database } from '../../db/types';
import type { WriteAccess } from '../claims/write-access';
import type { PendingOp } from './apply-match-ops';
import { dedupeBatch } from './dedupe-batch';
import { matchLogCache } from './match-log';
import type { MatchLog } from './match-log';
import { applyCandidates, LookupNeeded } from './push-attempt';
import { inPushTransaction } from './push-session';
import { copyRefused, refusedBeforeApplying } from './refused-ops';
import type { RefusedByMatch } from './refused-ops';
import { duplicate } from './results';
import { readOps } from './validate-ops';
import type { ReadOp } from './validate-ops';

/** Attempts per push when concurrent transactions collide (unique key, deadlock, serialization). */
const MAX_ATTEMPTS = 4;
/** SQLSTATEs worth a retry: unique_violation, deadlock_detected, serialization_failure. */
const RETRYABLE = new Set(['23505', '40P01', '40001']);

/** SQLSTATE of a driver error, looking through drizzle's DrizzleQueryError wrapper. */
export function sqlState(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Applies a push exactly once (F10) and answers one result per op, in request order.
 * Invalid ops, duplicates and reuses are answered without touching the log; the rest are
 * applied per match in (clientId, seq) order inside ONE transaction. Throws
 * PushValidationError when some op has no readable identity (nothing is applied then).
 */
export async function applyPush(db: Database, rawOps: readonly unknown[]): Promise<OpResult[]> {
  return applyReadOps(db, readOps(rawOps));
}

/** Who is pushing, and what that lets them write. */
export interface PushOptions {
  /** Default `any` (no claim check): the HTTP handler always says who pushes. */
  access?: WriteAccess;
  /** The signed-in user pushing, recorded with ops kept for review. */
  userId?: string;
  /**
   * An admin accepting a reviewed op: it goes to the end of the match's log even when its
   * device already has later ops applied (no OUT_OF_ORDER).
   */
  acceptOutOfOrder?: boolean;
}

/**
 * `applyPush` for ops already read with `readOps` (the HTTP handler validates first). Ops of
 * matches `access` may not write are refused CLAIM_NOT_HELD and kept in the review list.
 */
export async function applyReadOps(
  db: Database,
  read: readonly ReadOp[],
  options: PushOptions = {},
): Promise<OpResult[]> {
  const { results, candidates, repeats } = dedupeBatch(read);
  if (candidates.length > 0) {
    const refused = refusedBeforeApplying(read, results);
    for (const [index, result] of await runWithRetry(db, candidates, refused, options)) {
      results.set(index, result);
    }
  }
  // A repeat inside the batch shares its first copy's fate: duplicate unless that was refused.
  for (const { index, of } of repeats) {
    const first = results.get(of);
    if (!first) throw new Error(`applyPush: no result for op ${of}`);
    results.set(index, first.status === 'rejected' ? first : duplicate(first));
  }
  return read.map((_, index) => {
    const result = results.get(index);
    if (!result) throw new Error(`applyPush: no result for op ${index}`);
    return result;
  });
}

async function runWithRetry(
  db: Database,
  candidates: PendingOp[],
  refused: RefusedByMatch,
  options: PushOptions,
): Promise<Map<number, OpResult>> {
  for (let attempt = 1; ; attempt += 1) {
    const logs = new Map<string, MatchLog>();
    try {
      // After a collision the next attempt looks every op up: the fast path's assumption
      // (nothing of this push is stored yet) has just been proven wrong.
      const lookUpAll = attempt > 1;
      const outcome = await inPushTransaction(db, (session) =>
        applyCandidates(db, session, {
          candidates,
          logs,
          refused: copyRefused(refused),
          lookUpAll,
          ...options,
        }),
      );
      // Only logs of a committed transaction are current; a failed attempt's are dropped.
      for (const [matchId, log] of logs) matchLogCache.put(db, matchId, log);
      return outcome;
    } catch (error) {
      if (error instanceof LookupNeeded) continue;
      const state = sqlState(error);
      // A racing push committed the same op, or two pushes deadlocked: start over, so this
      // push now sees the other's rows and answers duplicate instead of failing.
      if (attempt >= MAX_ATTEMPTS || !state || !RETRYABLE.has(state)) throw error;
    }
  }
}
