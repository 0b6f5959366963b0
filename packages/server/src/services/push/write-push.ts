import type { OpType } from '@courtsync/protocol';
import type { MatchState } from '@courtsync/scoring';
import { sql } from 'drizzle-orm';
import { feedHead, matches, matchEvents, pushCursors, reviewOps } from '../../db/schema';
import { queryRows } from '../../db/raw-rows';
import type { Transaction } from '../../db/types';

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

const col = (column: { name: string }) => sql.identifier(column.name);

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
 * Writes a whole push in ONE statement: the new state, version, event count and status of
 * every changed match, the push cursor of every client (highest seq applied, ops applied),
 * the ops of the review list now applied (once refused for want of a claim: they leave the
 * list), and the events, which also take the next server positions and notify listeners. One
 * statement instead of four: each round trip costs, most of all on PGlite (issue #14).
 *
 * Call it as the LAST statement of the push transaction: the `feed_head` row lock it takes is
 * held until commit, so concurrent pushes commit their positions in order (a reader never
 * sees position n+1 before n) and the lock is held as briefly as possible. Rows travel as
 * JSON parameters (constant query-building cost whatever the batch size); events get
 * positions head-n+1..head in array order. NOTIFY is delivered at commit, never after a
 * rollback. A racing push that committed the same op makes this fail with 23505, which the
 * caller retries. Returns the new head. `server_time` is the moment of this statement, right
 * before COMMIT (`now()` would be the transaction's start, before the locks were waited for).
 */
export async function writePush(
  tx: Transaction,
  updates: readonly MatchUpdate[],
  events: readonly NewEvent[],
): Promise<number> {
  const e = matchEvents;
  const h = feedHead;
  const m = matches;
  const c = pushCursors;
  const r = reviewOps;
  const matchRows = JSON.stringify(
    updates.map((u) => ({
      id: u.id,
      state: u.state,
      version: u.version,
      event_count: u.eventCount,
      status: u.status,
    })),
  );
  const eventRows = JSON.stringify(
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
  const appliedOps = JSON.stringify(events.map((ev) => ({ match_id: ev.matchId, op_id: ev.opId })));
  const columns = [
    e.matchId,
    e.tournamentId,
    e.position,
    e.opId,
    e.clientId,
    e.seq,
    e.type,
    e.payload,
    e.clientTime,
  ];
  const list = sql.join(columns.map(col), sql`, `);
  const [head] = await queryRows<{ head: string }>(
    tx,
    sql`
    with changed as (
      update ${m} set ${col(m.state)} = u.state, ${col(m.version)} = u.version,
        ${col(m.eventCount)} = u.event_count, ${col(m.status)} = u.status,
        ${col(m.updatedAt)} = now()
      from jsonb_to_recordset(${matchRows}::jsonb) as u(id text, state jsonb, version int,
        event_count int, status text)
      where ${m.id} = u.id
    ), cursors as (
      insert into ${c} (${col(c.clientId)}, ${col(c.lastSeq)}, ${col(c.opsApplied)})
      select client_id, last_seq, ops_applied
      from jsonb_to_recordset(${JSON.stringify(cursorRows(events))}::jsonb)
        as k(client_id text, last_seq int, ops_applied int)
      on conflict (${col(c.clientId)}) do update set
        ${col(c.lastSeq)} = greatest(${c.lastSeq}, excluded.${col(c.lastSeq)}),
        ${col(c.opsApplied)} = ${c.opsApplied} + excluded.${col(c.opsApplied)},
        ${col(c.lastPushAt)} = now()
    ), reviewed as (
      update ${r} set ${col(r.status)} = 'applied', ${col(r.resolvedAt)} = now()
      from jsonb_to_recordset(${appliedOps}::jsonb) as a(match_id text, op_id text)
      where ${r.opId} = a.op_id and ${r.matchId} = a.match_id and ${r.status} = 'pending'
    ), head as (
      update ${h} set ${col(h.position)} = ${h.position} + ${events.length}
      where ${h.id} = 1 returning ${h.position} as head_position
    ), inserted as (
      insert into ${e} (${list}, ${col(e.feedPosition)}, ${col(e.serverTime)})
      select ${list}, head.head_position - ${events.length} + r.ord, clock_timestamp()
      from jsonb_to_recordset(${eventRows}::jsonb) as r(match_id text,
        tournament_id text, position int, op_id text, client_id text, seq int, type text,
        payload jsonb, client_time timestamptz, ord int)
      cross join head
    )
    select head_position::text as head, pg_notify(${FEED_CHANNEL}, head_position::text)
    from head`,
  );
  // bigint arrives as a string from pg (and maybe a BigInt from PGlite): read it as text.
  if (!head) throw new Error('feed_head row missing (migration 0001 not applied?)');
  return Number(head.head);
}
