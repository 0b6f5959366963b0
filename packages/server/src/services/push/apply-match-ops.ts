import type { Op, OpResult } from '@courtsync/protocol';
import { ScoringError } from '@courtsync/scoring';
import type { MatchState } from '@courtsync/scoring';
import type { MatchLog } from './match-log';
import { toScoringEvent } from './match-log';
import { applied, rejected } from './results';
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
  /** Rows to append to match_events, positions already assigned. */
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
 * Applies new ops to a match's log in memory, advancing `log` (replayer, positions, version,
 * per-client seqs) for each op the scoring rules accept. Refused ops leave the log untouched.
 */
export function applyOpsToLog(
  matchId: string,
  log: MatchLog,
  pending: PendingOp[],
): MatchApplication {
  const results = new Map<number, OpResult>();
  const rows: MatchApplication['rows'] = [];
  for (const { index, op } of [...pending].sort(byClientThenSeq)) {
    const maxSeq = log.maxSeqByClient.get(op.clientId);
    if (maxSeq !== undefined && op.seq < maxSeq) {
      results.set(
        index,
        rejected(
          op,
          'OUT_OF_ORDER',
          `seq ${op.seq} is lower than seq ${maxSeq} already applied from this client to match ` +
            `${matchId}; applying it now would reorder the match's log`,
        ),
      );
      continue;
    }
    const event =
      op.type === 'rally' ? toScoringEvent('rally', op.payload) : toScoringEvent('undo', {});
    try {
      log.replayer.apply(event);
    } catch (error) {
      if (!(error instanceof ScoringError)) throw error;
      const code = error.code === 'INVALID_EVENT' ? 'INVALID_OP' : error.code;
      results.set(index, rejected(op, code, error.message));
      continue;
    }
    log.eventCount += 1;
    log.version += 1;
    log.maxSeqByClient.set(op.clientId, op.seq);
    rows.push({
      matchId,
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
  return { results, rows, state: log.replayer.state };
}
