import type { OpIdentity, OpResult, RejectCode } from '@courtsync/protocol';

/** What a result names of its op. */
type OpRef = Pick<OpIdentity, 'opId' | 'seq'>;

/** A `rejected` result for `op`. */
export function rejected(
  op: OpRef,
  code: RejectCode,
  message: string,
): OpResult & { status: 'rejected' } {
  return { opId: op.opId, seq: op.seq, status: 'rejected', code, message };
}

/** A `duplicate` result for `op`: already applied earlier, nothing changed. */
export function duplicate(op: OpRef): OpResult {
  return { opId: op.opId, seq: op.seq, status: 'duplicate' };
}

/** An `applied` result carrying the match version right after this op. */
export function applied(op: OpRef, version: number): OpResult {
  return { opId: op.opId, seq: op.seq, status: 'applied', version };
}

/** Key of a (clientId, seq) pair in maps; NUL cannot occur in either part. */
export function clientSeqKey(clientId: string, seq: number): string {
  return `${clientId}\u0000${seq}`;
}
