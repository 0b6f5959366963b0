import type { Op, OpResult } from '@courtsync/protocol';
import { ScoringError } from '@courtsync/scoring';
import type { MatchState } from '@courtsync/scoring';
import type { LockedMatch, MatchLog } from './match-log';
import { heldResult, noteClientRefusal } from './refused-ops';
import type { RefusedOp } from './refused-ops';
import { applied, duplicate, rejected } from './results';
import type { NewEvent } from './write-push';

/** An op of the push waiting to be applied, with its index in the request. */
export interface PendingOp {
  index: number;
  op: Op;
}

/** What applying a match's share of a push produced; nothing is written yet. */
export interface MatchApplication {
  /** Verdict per request index. */
  results: Map<number, OpResult>;
  /** Rows to append to match_events, match positions assigned (server positions come later). */
  rows: NewEvent[];
  /** The match state after the last applied op. */
  state: MatchState;
}

/** Orders a match's ops by (clientId, seq): each client's ops in the order it recorded them. */
function byClientThenSeq(x: PendingOp, y: PendingOp): number {
  if (x.op.clientId !== y.op.clientId) return x.op.clientId < y.op.clientId ? -1 : 1;
  return x.op.seq - y.op.seq;
}

/**
 * Applies new ops to a match's log in memory, advancing `log` (effective log, positions,
 * version, per-client seqs) for each op the scoring rules accept. Refused ops leave the log
 * untouched, and once a client's op is refused (here or before, see `refused`, keyed by
 * clientId) that client's later ops of this match are refused HELD instead of applied.
 * An undo whose target is already undone is answered `duplicate` and not stored.
 * `acceptOutOfOrder` (an admin accepting a reviewed op) lets a lower seq through.
 */
export function applyOpsToLog(
  match: Pick<LockedMatch, 'id' | 'tournamentId'>,
  log: MatchLog,
  pending: PendingOp[],
  refused: Map<string, RefusedOp> = new Map(),
  acceptOutOfOrder = false,
): MatchApplication {
  const results = new Map<number, OpResult>();
  const rows: MatchApplication['rows'] = [];
  const refuse = (index: number, op: Op, result: OpResult & { status: 'rejected' }) => {
    results.set(index, result);
    noteClientRefusal(refused, op.clientId, { opId: op.opId, seq: op.seq, code: result.code });
  };
  for (const { index, op } of [...pending].sort(byClientThenSeq)) {
    const first = refused.get(op.clientId);
    if (first && first.seq < op.seq) {
      results.set(index, heldResult(op, first));
      continue;
    }
    const maxSeq = log.maxSeqByClient.get(op.clientId);
    if (maxSeq !== undefined && op.seq < maxSeq && !acceptOutOfOrder) {
      const message =
        `seq ${op.seq} is lower than seq ${maxSeq} already applied from this client to match ` +
        `${match.id}; applying it now would reorder the match's log`;
      refuse(index, op, rejected(op, 'OUT_OF_ORDER', message));
      continue;
    }
    let outcome;
    try {
      outcome = log.effective.apply(op);
    } catch (error) {
      if (!(error instanceof ScoringError)) throw error;
      const code = error.code === 'INVALID_EVENT' ? 'INVALID_OP' : error.code;
      refuse(index, op, rejected(op, code, error.message));
      continue;
    }
    if (outcome.kind === 'duplicate') {
      // The target is undone already (by another device, or an earlier copy of this undo):
      // nothing changed, nothing to store; the device drops the op as done.
      results.set(index, duplicate(op));
      continue;
    }
    log.eventCount += 1;
    log.version += 1;
    log.maxSeqByClient.set(op.clientId, Math.max(maxSeq ?? 0, op.seq));
    rows.push({
      matchId: match.id,
      tournamentId: match.tournamentId,
      position: log.eventCount,
      opId: op.opId,
      clientId: op.clientId,
      seq: op.seq,
      type: op.type,
      payload: op.payload,
      clientTime: op.clientTime,
    });
    results.set(index, applied(op, log.version));
  }
  return { results, rows, state: log.effective.state };
}
