import type { Op } from '@courtsync/protocol';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw-rows';
import { matchEvents } from '../../db/schema';
import type { Transaction } from '../../db/types';
import { clientSeqKey } from './results';

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
 * Looks up, in ONE query, every stored op whose opId or (clientId, seq) collides with `ops`,
 * so duplicates and reuses are told apart without a query per op. The keys travel as one
 * JSON parameter each: a parameter per op made query building (not the database) the
 * bottleneck of a 100-op push. Two index joins under UNION, because an OR of two IN lists
 * would make the planner scan the whole table.
 */
export async function findKnownOps(tx: Transaction, ops: readonly Op[]): Promise<KnownOps> {
  const known: KnownOps = { byOpId: new Map(), byClientSeq: new Map() };
  if (ops.length === 0) return known;
  const opIds = JSON.stringify(ops.map((op) => op.opId));
  const keys = JSON.stringify(ops.map((op) => ({ client_id: op.clientId, seq: op.seq })));
  const e = matchEvents;
  const rows = await queryRows<{ op_id: string; client_id: string; seq: number }>(
    tx,
    sql`select ${e.opId}, ${e.clientId}, ${e.seq}
        from jsonb_array_elements_text(${opIds}::jsonb) as k(op_id)
        join ${e} on ${e.opId} = k.op_id
        union
        select ${e.opId}, ${e.clientId}, ${e.seq}
        from jsonb_to_recordset(${keys}::jsonb) as k(client_id text, seq int)
        join ${e} on ${e.clientId} = k.client_id and ${e.seq} = k.seq`,
  );
  for (const row of rows) {
    const op: KnownOp = { opId: row.op_id, clientId: row.client_id, seq: row.seq };
    known.byOpId.set(op.opId, op);
    known.byClientSeq.set(clientSeqKey(op.clientId, op.seq), op);
  }
  return known;
}
