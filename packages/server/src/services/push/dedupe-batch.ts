import type { OpResult } from '@courtsync/protocol';
import type { PendingOp } from './apply-match-ops';
import { clientSeqKey, rejected } from './results';
import type { ReadOp } from './validate-ops';

/** A push sorted out before touching the database. */
export interface SortedPush {
  /** Answers already known (invalid ops, reuses inside the batch), by request index. */
  results: Map<number, OpResult>;
  /** Ops to look up and possibly apply: unique by opId and by (clientId, seq). */
  candidates: PendingOp[];
  /** Exact repeats of an earlier op of the same push: `index` repeats `of`. */
  repeats: { index: number; of: number }[];
}

/**
 * Answers invalid ops and in-batch reuses, and sets exact repeats aside, in request order:
 * the first occurrence of an opId or a (clientId, seq) wins.
 */
export function dedupeBatch(read: readonly ReadOp[]): SortedPush {
  const sorted: SortedPush = { results: new Map(), candidates: [], repeats: [] };
  const firstByOpId = new Map<string, PendingOp>();
  const firstByClientSeq = new Set<string>();
  read.forEach((entry, index) => {
    if (!entry.valid) {
      sorted.results.set(index, rejected(entry.identity, 'INVALID_OP', entry.message));
      return;
    }
    const { op } = entry;
    const first = firstByOpId.get(op.opId);
    if (first) {
      if (first.op.clientId === op.clientId && first.op.seq === op.seq) {
        sorted.repeats.push({ index, of: first.index });
      } else {
        const message = `opId ${op.opId} appears twice in this push with different clientId/seq`;
        sorted.results.set(index, rejected(op, 'OP_ID_REUSED', message));
      }
      return;
    }
    const key = clientSeqKey(op.clientId, op.seq);
    if (firstByClientSeq.has(key)) {
      const message = `seq ${op.seq} of client ${op.clientId} appears twice in this push with different opIds`;
      sorted.results.set(index, rejected(op, 'SEQ_REUSED', message));
      return;
    }
    const pending = { index, op };
    firstByOpId.set(op.opId, pending);
    firstByClientSeq.add(key);
    sorted.candidates.push(pending);
  });
  return sorted;
}
