import type { Op, OpResult } from '@courtsync/protocol';
import type { MatchScore, ScoreCorrectionRequest } from '@courtsync/protocol/scores';
import { ulid } from 'ulid';
import type { Database } from '../../db/types';
import { applyPush } from '../push/apply-push';
import { getScore } from './read-scores';

/** What recording a correction did: the push's verdict and the score afterwards. */
export interface CorrectionOutcome {
  result: OpResult;
  score: MatchScore;
}

/**
 * Records an official's correction as a `correction` event of the match's log through the
 * push path (F41), so it is deduplicated, replayed with the rules, gets a feed position and
 * reaches every device by pull and live stream like a scorekeeper's op. The op is its own
 * client (clientId = opId, seq 1): a retry with the same opId is the same op (duplicate),
 * and no two corrections compete for one client's seq. Null when the match is not part of
 * the event.
 */
export async function recordCorrection(
  db: Database,
  eventId: string,
  request: ScoreCorrectionRequest,
  now: Date = new Date(),
): Promise<CorrectionOutcome | null> {
  if (!(await getScore(db, eventId, request.matchId))) return null;
  const opId = request.opId ?? ulid();
  const op: Op = {
    opId,
    clientId: opId,
    seq: 1,
    matchId: request.matchId,
    clientTime: now.toISOString(),
    type: 'correction',
    payload: { sets: request.sets.map(({ a, b }) => ({ a, b })) },
  };
  const [result] = await applyPush(db, [op]);
  if (!result) throw new Error('recordCorrection: no result for the correction');
  const score = await getScore(db, eventId, request.matchId);
  if (!score) return null;
  return { result, score };
}
