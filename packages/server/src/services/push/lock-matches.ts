import type { MatchFormat } from '@courtsync/scoring';
import type { PendingOp } from './apply-match-ops';
import type { LockedMatch } from './match-log';
import type { Row } from './push-session';
import { literalList } from './sql-text';

/**
 * The statement that locks the matches of a push in id order (no deadlocks between pushes
 * touching several matches: pushes to one match serialize here, and every later statement
 * sees the ops committed by a push that held the lock before). NO KEY UPDATE is FOR UPDATE
 * minus blocking foreign-key checks of rows referencing the match. Its rows are read by
 * `lockedMatches`.
 */
export function lockMatchesSql(candidates: readonly PendingOp[]): string {
  const matchIds = literalList([...new Set(candidates.map((c) => c.op.matchId))].sort());
  return `select id, tournament_id, format, version, event_count from matches
    where id in (${matchIds}) order by id for no key update`;
}

/** The locked matches from the rows of `lockMatchesSql`. */
export function lockedMatches(rows: readonly Row[]): LockedMatch[] {
  return rows.map((row) => ({
    id: String(row.id),
    tournamentId: String(row.tournament_id),
    format: row.format as MatchFormat,
    version: Number(row.version),
    eventCount: Number(row.event_count),
  }));
}

/**
 * The statement reading the push cursors of the push's clients (push_cursors: the highest seq
 * applied per client). Sent after `lockMatchesSql` in the same round trip, as a statement of
 * its own: its snapshot is taken once the locks are held, so it is current for these matches.
 */
export function pushCursorsSql(candidates: readonly PendingOp[]): string {
  const clientIds = literalList(new Set(candidates.map((c) => c.op.clientId)));
  return `select client_id, last_seq from push_cursors where client_id in (${clientIds})`;
}

/**
 * Whether no op of the push can be in the log already, so the lookup of stored ops can be
 * skipped: for every op, its match has no events yet, or its seq is above the highest seq its
 * client had applied (a stored op of that client has a seq at most that high). A resent op
 * keeps its match and its seq. An op id or seq that collides with another match's op, or a
 * cursor that lags behind the log, is still caught by the unique keys on insert; the push is
 * then retried with the lookup.
 */
export function allOpsAreNew(
  candidates: readonly PendingOp[],
  locked: readonly LockedMatch[],
  cursorRows: readonly Row[],
): boolean {
  const lastSeq = new Map(cursorRows.map((r) => [String(r.client_id), Number(r.last_seq)]));
  const eventCount = new Map(locked.map((m) => [m.id, m.eventCount]));
  return candidates.every(
    ({ op }) => eventCount.get(op.matchId) === 0 || op.seq > (lastSeq.get(op.clientId) ?? 0),
  );
}
