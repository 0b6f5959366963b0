import type { Op } from '@courtsync/protocol';
import type { Row } from './push-session';
import { clientSeqKey } from './results';
import { jsonLiteral } from './sql-text';

/** Identity of an op already in the log. */
export interface KnownOp {
  opId: string;
  clientId: string;
  seq: number;
}

/** Stored ops that share an opId or a (clientId, seq) with the ops of a push. */
export interface KnownOps {
  byOpId: Map<string, KnownOp>;
  byClientSeq: Map<string, KnownOp>;
}

/** The answer of `findKnownOps` when nothing collides. */
export const NO_KNOWN_OPS: KnownOps = Object.freeze({
  byOpId: new Map<string, KnownOp>(),
  byClientSeq: new Map<string, KnownOp>(),
});

/**
 * The statement that looks up every stored op whose opId or (clientId, seq) collides with
 * `ops`, so duplicates and reuses are told apart without a query per op; read its rows with
 * `knownOps`. Run it after the match locks are taken (its own statement, so its snapshot
 * sees every push that held them before).
 *
 * With `always` false it only looks when some op may be stored already: its seq is not above
 * the push cursor of its client (push_cursors: the highest seq applied; a stored op of that
 * client has a seq at most that high, and a resent op keeps its seq) and its match has events
 * (a resent op keeps its match too, and the match is locked: its event count is current).
 * The first row says whether it looked (`looked`). An op id or seq that collides with another
 * match's op, or a cursor that lags behind the log, is still caught by the unique keys on
 * insert; the push is then retried with `always`. Two index joins, because an OR would scan
 * the whole table.
 */
export function findKnownOpsSql(ops: readonly Op[], always: boolean): string {
  const keys = jsonLiteral(
    ops.map((op) => ({
      op_id: op.opId,
      client_id: op.clientId,
      seq: op.seq,
      match_id: op.matchId,
    })),
  );
  const look = always
    ? 'select true as looked'
    : `select exists (select 1 from k join push_cursors c on c.client_id = k.client_id
        join matches m on m.id = k.match_id where k.seq <= c.last_seq and m.event_count > 0)
        as looked`;
  return `with k as (
      select * from jsonb_to_recordset(${keys})
        as k(op_id text, client_id text, seq int, match_id text)
    ), look as (${look})
    select null::text as op_id, null::text as client_id, null::int as seq, looked from look
    union all
    select e.op_id, e.client_id, e.seq, true from look, k
    join match_events e on e.op_id = k.op_id where look.looked
    union all
    select e.op_id, e.client_id, e.seq, true from look, k
    join match_events e on e.client_id = k.client_id and e.seq = k.seq where look.looked`;
}

/** The stored ops found by `findKnownOpsSql`, or undefined when it did not look. */
export function knownOps(rows: readonly Row[]): KnownOps | undefined {
  const known: KnownOps = { byOpId: new Map(), byClientSeq: new Map() };
  let looked = false;
  for (const row of rows) {
    if (row.op_id === null) {
      looked = row.looked === true;
      continue;
    }
    const op: KnownOp = {
      opId: String(row.op_id),
      clientId: String(row.client_id),
      seq: Number(row.seq),
    };
    known.byOpId.set(op.opId, op);
    known.byClientSeq.set(clientSeqKey(op.clientId, op.seq), op);
  }
  return looked ? known : undefined;
}
