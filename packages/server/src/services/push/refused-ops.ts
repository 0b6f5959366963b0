import type { Op, OpResult, RejectCode } from '@courtsync/protocol';
import { rejected } from './results';
import type { ReadOp } from './validate-ops';

/**
 * The first op of a client refused in this push for one match. Its later ops of that match
 * are refused HELD: applying them without it would break the order the device recorded.
 * Only refusals that leave a hole in that order count (invalid op, scoring rules, out of
 * order); a reused opId or seq is a stray copy whose place is taken, and holds nothing.
 */
export interface RefusedOp {
  opId: string;
  seq: number;
  code: RejectCode;
}

/** Refusals per match, then per client. */
export type RefusedByMatch = Map<string, Map<string, RefusedOp>>;

/** Records a refusal in a per-client map unless a lower seq of that client is there already. */
export function noteClientRefusal(
  byClient: Map<string, RefusedOp>,
  clientId: string,
  op: RefusedOp,
) {
  const earlier = byClient.get(clientId);
  if (!earlier || earlier.seq > op.seq) byClient.set(clientId, op);
}

/** Records that `op` of its match and client was refused with `code`. */
export function noteRefused(
  refused: RefusedByMatch,
  op: Pick<Op, 'opId' | 'seq' | 'clientId' | 'matchId'>,
  code: RejectCode,
): void {
  const byClient = refused.get(op.matchId) ?? new Map<string, RefusedOp>();
  refused.set(op.matchId, byClient);
  noteClientRefusal(byClient, op.clientId, { opId: op.opId, seq: op.seq, code });
}

/** The ops refused INVALID_OP before touching the database, by match. */
export function refusedBeforeApplying(
  read: readonly ReadOp[],
  results: ReadonlyMap<number, OpResult>,
): RefusedByMatch {
  const refused: RefusedByMatch = new Map();
  for (const [index, result] of results) {
    const entry = read[index];
    if (!entry || result.status !== 'rejected' || result.code !== 'INVALID_OP') continue;
    // An invalid op counts when its matchId is readable: its match's order is broken as well.
    const matchId = entry.valid ? entry.op.matchId : entry.matchId;
    const clientId = entry.valid ? entry.op.clientId : entry.identity.clientId;
    if (matchId) noteRefused(refused, { ...result, clientId, matchId }, result.code);
  }
  return refused;
}

/** A copy per transaction attempt: a failed attempt's refusals must not leak into the retry. */
export function copyRefused(refused: RefusedByMatch): RefusedByMatch {
  return new Map([...refused].map(([matchId, byClient]) => [matchId, new Map(byClient)]));
}

/** The HELD refusal of `op`, naming the earlier op of its client that was refused. */
export function heldResult(op: Op, first: RefusedOp): OpResult {
  return rejected(
    op,
    'HELD',
    `Held back: op ${first.opId} (seq ${first.seq}) of this client for match ${op.matchId} was ` +
      `refused earlier in this push (${first.code}); later ops wait so the match's order holds`,
  );
}
