import type { OpType } from '@courtsync/protocol';
import type { MatchState } from '@courtsync/scoring';
import { jsonLiteral, literal } from './sql-text';

/** NOTIFY channel of the change feed; the payload is the new head position. */
export const FEED_CHANNEL = 'courtsync_feed';

/** One op to append to a match's log, position already assigned. */
export interface NewEvent {
  matchId: string;
  tournamentId: string;
  position: number;
  opId: string;
  clientId: string;
  seq: number;
  type: OpType;
  payload: Record<string, unknown>;
  /** ISO-8601 UTC, as validated on the way in. */
  clientTime: string;
}

/** The new cached state of a match after a push. */
export interface MatchUpdate {
  id: string;
  state: MatchState;
  version: number;
  eventCount: number;
  status: 'live' | 'finished';
}

/** Per client of a push: highest seq applied and how many ops, sorted by client id. */
function cursorRows(events: readonly NewEvent[]) {
  const perClient = new Map<string, { last_seq: number; ops_applied: number }>();
  for (const ev of events) {
    const cursor = perClient.get(ev.clientId) ?? { last_seq: 0, ops_applied: 0 };
    perClient.set(ev.clientId, {
      last_seq: Math.max(cursor.last_seq, ev.seq),
      ops_applied: cursor.ops_applied + 1,
    });
  }
  // Sorted so concurrent pushes lock cursor rows in the same order.
  return [...perClient]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([clientId, c]) => ({ client_id: clientId, ...c }));
}

/**
 * The two statements that write a whole push. The first: the new state, version, event count
 * and status of every changed match, the push cursor of every client (highest seq applied,
 * ops applied) and the ops of the review list now applied (once refused for want of a claim:
 * they leave the list; `pendingReview`, from `pendingReviewSql`). The second: the events, which take the next server positions, and
 * the notification of listeners.
 *
 * Run them as the LAST statements of the push transaction (push-session.ts sends them
 * together with COMMIT): the `feed_head` row lock the second takes is held until commit, so
 * concurrent pushes commit their positions in order (a reader never sees position n+1 before
 * n). Every push waits for that lock, so it is taken as late as possible: after the first
 * statement's writes, and only for the inserts (issue #14). Rows travel as JSON values
 * (constant query-building cost whatever the batch size); events get positions
 * head-n+1..head in array order. Without the feed_head row the positions are NULL and the
 * insert fails (NOT NULL), so the push is rolled back. NOTIFY is delivered at commit, never
 * after a rollback. A racing push that committed the same op makes the insert fail with
 * 23505, which the caller retries. `server_time` is the moment of the insert, right before
 * COMMIT (`now()` would be the transaction's start, before the locks were waited for).
 */
export function writePushSql(
  updates: readonly MatchUpdate[],
  events: readonly NewEvent[],
  pendingReview: ReadonlySet<string> = new Set(),
): [string, string] {
  const matchRows = jsonLiteral(
    updates.map((u) => ({
      id: u.id,
      state: u.state,
      version: u.version,
      event_count: u.eventCount,
      status: u.status,
    })),
  );
  const eventRows = jsonLiteral(
    events.map((ev, i) => ({
      // 1-based place in the push: the event's offset from the old head.
      ord: i + 1,
      match_id: ev.matchId,
      tournament_id: ev.tournamentId,
      position: ev.position,
      op_id: ev.opId,
      client_id: ev.clientId,
      seq: ev.seq,
      type: ev.type,
      payload: ev.payload,
      client_time: ev.clientTime,
    })),
  );
  // Only ops read as pending review under the match locks can be on the list.
  const reviewed = events
    .filter((ev) => pendingReview.has(ev.opId))
    .map((ev) => ({ match_id: ev.matchId, op_id: ev.opId }));
  const n = events.length;
  const list =
    'match_id, tournament_id, position, op_id, client_id, seq, type, payload, client_time';
  const ctes = [
    `changed as (
      update matches m set state = u.state, version = u.version, event_count = u.event_count,
        status = u.status, updated_at = now()
      from jsonb_to_recordset(${matchRows}) as u(id text, state jsonb, version int,
        event_count int, status text)
      where m.id = u.id)`,
    `cursors as (
      insert into push_cursors (client_id, last_seq, ops_applied)
      select client_id, last_seq, ops_applied
      from jsonb_to_recordset(${jsonLiteral(cursorRows(events))})
        as k(client_id text, last_seq int, ops_applied int)
      on conflict (client_id) do update set
        last_seq = greatest(push_cursors.last_seq, excluded.last_seq),
        ops_applied = push_cursors.ops_applied + excluded.ops_applied,
        last_push_at = now())`,
  ];
  if (reviewed.length > 0) {
    ctes.push(`reviewed as (
      update review_ops r set status = 'applied', resolved_at = now()
      from jsonb_to_recordset(${jsonLiteral(reviewed)}) as a(match_id text, op_id text)
      where r.op_id = a.op_id and r.match_id = a.match_id and r.status = 'pending')`);
  }
  const state = `with ${ctes.join(', ')} select 1 as written`;
  const inserts = `with head as (
      update feed_head set position = position + ${n}
      where id = 1 returning position as head_position
    ), inserted as (
      insert into match_events (${list}, feed_position, server_time)
      select ${list}, head.head_position - ${n} + r.ord, clock_timestamp()
      from jsonb_to_recordset(${eventRows}) as r(match_id text,
        tournament_id text, position int, op_id text, client_id text, seq int, type text,
        payload jsonb, client_time timestamptz, ord int)
      left join head on true
    )
    select pg_notify(${literal(FEED_CHANNEL)}, head_position::text) from head`;
  return [state, inserts];
}
