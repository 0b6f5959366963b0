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
