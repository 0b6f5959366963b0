import type { MatchState } from '@courtsync/scoring';
import type { CourtSyncDb, OutboxEntry } from './courtsync-db';
import { plannedFrom, COVERAGE_PLAN_KEY } from './coverage-plan';
import { RULES_KEY, rulesFrom, type PriorityRule } from './priority-rules';

/**
 * How ops are ordered (F11). Each op keeps its own score (level + rules) and a send score.
 * Within one match the send scores never rise along seq: an op's send score is the highest
 * own score of itself and every later op of its match. Reading the outbox by
 * `[status+rank+seq]` (rank = -score) thus gives the highest score first and keeps every
 * match's order, with one indexed read per batch and no rule evaluated while flushing.
 *
 * A tap scores its op in constant time: its send score is capped at the previous op of its
 * match (so the order holds at once); a rescore (rules, plan or level changed, the manager's
 * interval) raises the earlier ops of a match to a later op's score (outbox-rescore.ts).
 */

/** Whether a match is under way on this device (started, not finished). */
export function isLive(state: MatchState): boolean {
  return state.rallies > 0 && !state.winner;
}

/** The rules and the planned matches, read together (one meta read on the tap path). */
export async function readScoringInputs(
  db: CourtSyncDb,
): Promise<{ rules: PriorityRule[]; planned: Set<string> }> {
  const [rules, plan] = await db.meta.bulkGet([RULES_KEY, COVERAGE_PLAN_KEY]);
  return { rules: rulesFrom(rules?.value), planned: plannedFrom(plan?.value) };
}

/** The score fields of a new op: its own score and its send score, capped by `previous`. */
export function scoreNewOp(
  ownScore: number,
  previous: Pick<OutboxEntry, 'score'> | undefined,
): Pick<OutboxEntry, 'ownScore' | 'score' | 'rank'> {
  const score = previous ? Math.min(ownScore, previous.score) : ownScore;
  return { ownScore, score, rank: -score };
}
