import type { OpResult } from '@courtsync/protocol';
import type { Database } from '../../db/types';
import { claimHoldersOf, claimHoldersSql } from '../claims/claims';
import { keepForReviewSql, pendingReviewSql, type ReviewEntry } from '../claims/review';
import { claimNotHeld, mayWrite, type WriteAccess } from '../claims/write-access';
import { applyOpsToLog, type PendingOp } from './apply-match-ops';
import { findKnownOpsSql, knownOps, NO_KNOWN_OPS } from './known-ops';
import { allOpsAreNew, lockedMatches, lockMatchesSql, pushCursorsSql } from './lock-matches';
import { emptyLog, matchLogCache, matchLogs, matchLogsSql } from './match-log';
import type { LockedMatch, MatchLog } from './match-log';
import type { PushEnd, PushSession } from './push-session';
import type { RefusedByMatch } from './refused-ops';
import { clientSeqKey, duplicate, rejected } from './results';
import { writePushSql, type MatchUpdate, type NewEvent } from './write-push';

/**
 * Thrown inside an attempt that skipped the known-ops lookup when some op was not simply
 * applied: a refusal by the rules (OUT_OF_ORDER, …) may really be a stored op sent again
 * with a cursor that lags, so the push is rolled back and tried again with the lookup.
 */
export class LookupNeeded extends Error {}

/** One attempt of a push's transaction. */
export interface Attempt {
  candidates: PendingOp[];
  /** Logs of the locked matches (current under the locks), cached only once it committed. */
  logs: Map<string, MatchLog>;
  refused: RefusedByMatch;
  /** Look every op up even when the push cursors say they are all new. */
  lookUpAll: boolean;
  /** Default `any` (no claim check). */
  access?: WriteAccess;
  /** The signed-in user pushing, recorded with ops kept for review. */
  userId?: string;
  /** An admin accepting a reviewed op: no OUT_OF_ORDER (see PushOptions). */
  acceptOutOfOrder?: boolean;
}

/**
 * The transaction body: lock (and read the claims), look up only when needed, apply in
 * memory, and hand back the writes to run with COMMIT. A push of new ops to matches whose
 * logs are cached (or empty) costs two round trips on PostgreSQL: BEGIN + lock + cursors +
 * claims, then writes + COMMIT; a lookup or a log to read costs one more.
 */
export async function applyCandidates(
  db: Database,
  session: PushSession,
  attempt: Attempt,
): Promise<PushEnd<Map<number, OpResult>>> {
  const { candidates, logs, refused, lookUpAll, userId } = attempt;
  const access = attempt.access ?? { kind: 'any' };
  const outcome = new Map<number, OpResult>();
  const matchIds = [...new Set(candidates.map((c) => c.op.matchId))];
  // Lock first. The cursors, the review list and the claims are statements of their own in the same round
  // trip: each starts once the locks are held, so it sees every op committed by a push that
  // held them before, and a claim change (which takes them too) cannot slip in between.
  const first = [
    lockMatchesSql(candidates),
    pushCursorsSql(candidates),
    pendingReviewSql(matchIds),
  ];
  if (access.kind !== 'any') first.push(claimHoldersSql(matchIds));
  const [lockRows = [], cursorRows = [], reviewRows = [], claimRows = []] =
    await session.run(first);
  const pendingReview = new Set(reviewRows.map((r) => String(r.op_id)));
  const locked = lockedMatches(lockRows);
  const lockedIds = new Set(locked.map((m) => m.id));
  const holders = claimHoldersOf(claimRows);
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
    allOpsAreNew(candidates, locked, cursorRows);
  // Logs come from the cache (current version) or, for a match without events, need no
  // read; the others are read in the same round trip as the lookup.
  const toRead: LockedMatch[] = [];
  for (const match of locked) {
    const log =
      matchLogCache.take(db, match) ?? (match.eventCount === 0 ? emptyLog(match) : undefined);
    if (log) logs.set(match.id, log);
    else toRead.push(match);
  }
  const second: string[] = [];
  if (!skipLookup) second.push(findKnownOpsSql(candidates.map((c) => c.op)));
  if (toRead.length > 0) second.push(matchLogsSql(toRead));
  const secondRows = second.length > 0 ? await session.run(second) : [];
  const known = skipLookup ? NO_KNOWN_OPS : knownOps(secondRows[0] ?? []);
  if (toRead.length > 0) {
    for (const [id, log] of matchLogs(toRead, secondRows[second.length - 1] ?? [])) {
      logs.set(id, log);
    }
  }

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
      forReview.push({ op, tournamentId, userId, code: result.code, message: result.message });
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
    const log = logs.get(match.id);
    if (!pending || !log) continue;
    const application = applyOpsToLog(
      match,
      log,
      pending,
      refused.get(match.id),
      attempt.acceptOutOfOrder,
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
  const last: string[] = [];
  const review = keepForReviewSql(forReview);
  if (review) last.push(review);
  // Last: it takes the feed_head row lock, which every push waits on until commit. It also
  // takes ops once refused for want of a claim and now applied off the review list.
  if (events.length > 0) last.push(...writePushSql(updates, events, pendingReview));
  return { value: outcome, last };
}
