import { inArray, sql } from 'drizzle-orm';
import { matches, pushCursors } from '../../db/schema';
import type { Transaction } from '../../db/types';
import type { PendingOp } from './apply-match-ops';
import type { LockedMatch } from './match-log';

/** The matches a push touches, locked, and how far each of its clients got before. */
export interface LockedPush {
  locked: LockedMatch[];
  /** Highest seq applied so far per client of the push (push_cursors); absent: none yet. */
  lastSeqByClient: Map<string, number>;
  /** False when a push to these matches committed while this one waited for their locks. */
  cursorsCurrent: boolean;
}

/**
 * Locks the matches of a push in id order (no deadlocks between pushes touching several
 * matches: pushes to one match serialize here, and every later statement sees the ops
 * committed by a push that held the lock before) and, in the same statement, reads the push
 * cursors of its clients. NO KEY UPDATE is FOR UPDATE minus blocking foreign-key checks of
 * rows referencing the match; the cursors are read, not locked (FOR … applies to FROM only).
 */
export async function lockMatches(tx: Transaction, candidates: PendingOp[]): Promise<LockedPush> {
  const matchIds = [...new Set(candidates.map((c) => c.op.matchId))].sort();
  const clientIds = [...new Set(candidates.map((c) => c.op.clientId))];
  const c = pushCursors;
  const ids = sql.join(
    matchIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await tx
    .select({
      id: matches.id,
      tournamentId: matches.tournamentId,
      format: matches.format,
      version: matches.version,
      eventCount: matches.eventCount,
      // Text, so both drivers hand back the same thing (pg parses json, PGlite too, but typed
      // differently); one scalar subquery, evaluated once for the whole statement.
      cursors: sql<string | null>`(select json_object_agg(${c.clientId}, ${c.lastSeq})::text
        from ${c} where ${inArray(c.clientId, clientIds)})`,
      // The versions as of the statement's snapshot (see below).
      versions: sql<string | null>`(select json_object_agg(s.id, s.version)::text
        from ${matches} as s where s.id in (${ids}))`,
    })
    .from(matches)
    .where(inArray(matches.id, matchIds))
    .orderBy(matches.id)
    .for('no key update');
  const locked = rows.map(({ cursors: _c, versions: _v, ...match }) => match);
  // The subqueries read the snapshot taken when the statement started; a row lock waited for
  // returns the row as the push that held it committed it. A version that moved in between
  // means the cursors may be stale: then they are not used (the full lookup runs).
  const snapshot = JSON.parse(rows[0]?.versions ?? '{}') as Record<string, number>;
  const current = locked.every((match) => snapshot[match.id] === match.version);
  const lastSeqByClient = new Map<string, number>();
  const cursors = rows[0]?.cursors;
  if (cursors) {
    for (const [clientId, seq] of Object.entries(JSON.parse(cursors) as Record<string, number>)) {
      lastSeqByClient.set(clientId, seq);
    }
  }
  return { locked, lastSeqByClient, cursorsCurrent: current };
}

/**
 * Whether no op of the push can be in the log already: every op's seq is above the highest
 * seq its client had applied (a stored op of that client has a seq at most that high, and a
 * resent op keeps its seq). Then the known-ops lookup can be skipped. An op id that collides
 * with another client's, or a client reusing an op id with a higher seq, is still caught by
 * the unique keys on insert; the push is then retried with the full lookup.
 */
export function allOpsAreNew(candidates: PendingOp[], pushLock: LockedPush): boolean {
  const { lastSeqByClient, cursorsCurrent } = pushLock;
  return (
    cursorsCurrent && candidates.every(({ op }) => op.seq > (lastSeqByClient.get(op.clientId) ?? 0))
  );
}
