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
 * sees every push that held them before). The keys travel as one JSON value. Two index
 * joins under UNION, because an OR would scan the whole table.
 */
export function findKnownOpsSql(ops: readonly Op[]): string {
  const keys = jsonLiteral(
    ops.map((op) => ({ op_id: op.opId, client_id: op.clientId, seq: op.seq })),
  );
  return `with k as (
      select * from jsonb_to_recordset(${keys}) as k(op_id text, client_id text, seq int)
    )
    select e.op_id, e.client_id, e.seq from k join match_events e on e.op_id = k.op_id
    union
    select e.op_id, e.client_id, e.seq from k
    join match_events e on e.client_id = k.client_id and e.seq = k.seq`;
}

/** The stored ops found by `findKnownOpsSql`, by opId and by (clientId, seq). */
export function knownOps(rows: readonly Row[]): KnownOps {
  const known: KnownOps = { byOpId: new Map(), byClientSeq: new Map() };
  for (const row of rows) {
    const op: KnownOp = {
      opId: String(row.op_id),
      clientId: String(row.client_id),
      seq: Number(row.seq),
    };
    known.byOpId.set(op.opId, op);
    known.byClientSeq.set(clientSeqKey(op.clientId, op.seq), op);
  }
  return known;
}
