import type { OpResult } from '@courtsync/protocol';
import type { Database, Transaction } from '../../db/types';
import { claimHolders } from '../claims/claims';
import { keepForReview, type ReviewEntry } from '../claims/review';
import { claimNotHeld, mayWrite, type WriteAccess } from '../claims/write-access';
import { applyOpsToLog } from './apply-match-ops';
import type { PendingOp } from './apply-match-ops';
import { dedupeBatch } from './dedupe-batch';
import { findKnownOps, NO_KNOWN_OPS } from './known-ops';
import { allOpsAreNew, lockMatches } from './lock-matches';
import { loadMatchLog, matchLogCache } from './match-log';
import type { MatchLog } from './match-log';
import { copyRefused, refusedBeforeApplying } from './refused-ops';
import type { RefusedByMatch } from './refused-ops';
import { clientSeqKey, duplicate, rejected } from './results';
import { readOps } from './validate-ops';
import type { ReadOp } from './validate-ops';
import { writePush } from './write-push';
import type { MatchUpdate, NewEvent } from './write-push';

/** Attempts per push when concurrent transactions collide (unique key, deadlock, serialization). */
const MAX_ATTEMPTS = 4;
/** SQLSTATEs worth a retry: unique_violation, deadlock_detected, serialization_failure. */
const RETRYABLE = new Set(['23505', '40P01', '40001']);

/**
 * Thrown inside an attempt that skipped the known-ops lookup when some op was not simply
 * applied: a refusal by the rules (OUT_OF_ORDER, …) may really be a stored op sent again
 * with a cursor that lags, so the push is rolled back and tried again with the lookup.
 */
class LookupNeeded extends Error {}

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
      const outcome = await db.transaction((tx) =>
        applyCandidates(db, tx, {
          candidates,
          logs,
          refused: copyRefused(refused),
          lookUpAll,
          options,
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

/** One attempt of a push's transaction. */
interface Attempt {
  candidates: PendingOp[];
  /** Logs used by this attempt, cached only once it committed. */
  logs: Map<string, MatchLog>;
  refused: RefusedByMatch;
  /** Look every op up even when the push cursors say they are all new. */
  lookUpAll: boolean;
  options: PushOptions;
}

/** The transaction body: lock, look up, apply in memory, then write with a few statements. */
async function applyCandidates(
  db: Database,
  tx: Transaction,
  { candidates, logs, refused, lookUpAll, options }: Attempt,
): Promise<Map<number, OpResult>> {
  const access = options.access ?? { kind: 'any' };
  const outcome = new Map<number, OpResult>();
  // Lock first: the lookup below then sees every op committed by a push that held the lock
  // before us. The usual push (a device's next ops) skips the lookup: see allOpsAreNew.
  const pushLock = await lockMatches(tx, candidates);
  const { locked } = pushLock;
  const lockedIds = new Set(locked.map((m) => m.id));
  // Read under the match locks: a claim change (which takes them too) cannot slip in between.
  const holders =
    access.kind === 'any' ? new Map<string, string>() : await claimHolders(tx, [...lockedIds]);
  const tournamentOf = new Map(locked.map((m) => [m.id, m.tournamentId]));
  const forReview: ReviewEntry[] = [];
  // The fast path is for ops the pusher may apply: an op of an unknown match or of a match
  // whose claim it does not hold is answered after the lookup, as always (a stored op sent
  // again is a duplicate, not CLAIM_NOT_HELD), and never kept for review by mistake.
  const skipLookup =
    !lookUpAll &&
    candidates.every(
      ({ op }) => lockedIds.has(op.matchId) && mayWrite(access, holders.get(op.matchId)),
    ) &&
    allOpsAreNew(candidates, pushLock);
  const known = skipLookup
    ? NO_KNOWN_OPS
    : await findKnownOps(
        tx,
        candidates.map((c) => c.op),
      );

  const pendingByMatch = new Map<string, PendingOp[]>();
  for (const candidate of candidates) {
    const { op, index } = candidate;
    const sameOpId = known.byOpId.get(op.opId);
    const sameSeq = known.byClientSeq.get(clientSeqKey(op.clientId, op.seq));
    if (sameOpId && sameOpId.clientId === op.clientId && sameOpId.seq === op.seq) {
      outcome.set(index, duplicate(op));
    } else if (sameOpId) {
      const message = `opId ${op.opId} was already used by client ${sameOpId.clientId} seq ${sameOpId.seq}`;
      outcome.set(index, rejected(op, 'OP_ID_REUSED', message));
    } else if (sameSeq) {
      const message = `seq ${op.seq} of client ${op.clientId} was already used by op ${sameSeq.opId}`;
      outcome.set(index, rejected(op, 'SEQ_REUSED', message));
    } else if (!lockedIds.has(op.matchId)) {
      outcome.set(index, rejected(op, 'UNKNOWN_MATCH', `No match with id "${op.matchId}"`));
    } else if (!mayWrite(access, holders.get(op.matchId))) {
      // Every op of it is refused on its own (not HELD): each is kept for the admin to see.
      const result = claimNotHeld(op, holders.get(op.matchId));
      outcome.set(index, result);
      const tournamentId = tournamentOf.get(op.matchId) ?? '';
      forReview.push({
        op,
        tournamentId,
        userId: options.userId,
        code: result.code,
        message: result.message,
      });
    } else {
      const list = pendingByMatch.get(op.matchId) ?? [];
      list.push(candidate);
      pendingByMatch.set(op.matchId, list);
    }
  }

  const events: NewEvent[] = [];
  const updates: MatchUpdate[] = [];
  for (const match of locked) {
    const pending = pendingByMatch.get(match.id);
    if (!pending) continue;
    const log = matchLogCache.take(db, match) ?? (await loadMatchLog(tx, match));
    logs.set(match.id, log);
    const application = applyOpsToLog(
      match,
      log,
      pending,
      refused.get(match.id),
      options.acceptOutOfOrder,
    );
    for (const [index, result] of application.results) {
      if (skipLookup && result.status !== 'applied') throw new LookupNeeded();
      outcome.set(index, result);
    }
    if (application.rows.length === 0) continue;
    events.push(...application.rows);
    const { state } = application;
    // An undo can reopen a finished match; a match with events is never 'scheduled' again.
    const status = state.winner ? 'finished' : 'live';
    updates.push({ id: match.id, state, version: log.version, eventCount: log.eventCount, status });
  }
  await keepForReview(tx, forReview);
  if (events.length > 0) {
    // Last: it takes the feed_head row lock, which every push waits on until commit. It also
    // takes ops once refused for want of a claim and now applied off the review list.
    await writePush(tx, updates, events);
  }
  return outcome;
}
