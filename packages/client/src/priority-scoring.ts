import type { MatchState } from '@courtsync/scoring';
import type { CourtSyncDb, OutboxEntry } from './courtsync-db';
import { plannedFrom, COVERAGE_PLAN_KEY } from './coverage-plan';
import {
  LEVELS,
  RULES_KEY,
  rulesFrom,
  scoreOp,
  type PriorityLevel,
  type PriorityRule,
} from './priority-rules';

/**
 * How ops are ordered (F11). Each op keeps its own score (level + rules) and a send score.
 * Within one match the send scores never rise along seq: an op's send score is the highest
 * own score of itself and every later op of its match. Reading the outbox by
 * `[status+rank+seq]` (rank = -score) thus gives the highest score first and keeps every
 * match's order, with one indexed read per batch and no rule evaluated while flushing.
 *
 * A tap scores its op in constant time: its send score is capped at the previous op of its
 * match (so the order holds at once); a rescore (rules, plan or level changed, the manager's
 * interval) raises the earlier ops of a match to a later op's score.
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

/**
 * Rescores the queued ops (all, or one match's): own scores from the current rules, plan,
 * match state and age; send scores as the running maximum from each match's last op back.
 * Writes only the entries that changed. Returns how many changed.
 */
export async function rescoreOutbox(
  db: CourtSyncDb,
  options: { matchId?: string; now?: number } = {},
): Promise<number> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', [db.outbox, db.meta, db.matches], async () => {
    const { rules, planned } = await readScoringInputs(db);
    const entries = options.matchId
      ? await db.outbox.where('matchId').equals(options.matchId).sortBy('seq')
      : await db.outbox.orderBy('seq').toArray();
    const byMatch = new Map<string, OutboxEntry[]>();
    for (const e of entries) {
      const list = byMatch.get(e.matchId) ?? [];
      list.push(e);
      byMatch.set(e.matchId, list);
    }
    const matches = await db.matches.bulkGet([...byMatch.keys()]);
    const changes: { key: number; changes: Partial<OutboxEntry> }[] = [];
    for (const [i, matchId] of [...byMatch.keys()].entries()) {
      const state = matches[i]?.state;
      const matchLive = state ? isLive(state) : false;
      const list = byMatch.get(matchId) ?? [];
      let floor = -Infinity;
      for (let j = list.length - 1; j >= 0; j -= 1) {
        const e = list[j]!;
        const priority = e.priority ?? 'normal';
        const ownScore = scoreOp(
          {
            type: e.type,
            matchId,
            priority,
            matchLive,
            inCoveragePlan: planned.has(matchId),
            ageMs: now - (e.queuedAt ?? now),
          },
          rules,
        );
        floor = Math.max(floor, ownScore);
        if (e.ownScore !== ownScore || e.score !== floor || e.priority !== priority) {
          changes.push({
            key: e.seq,
            changes: { priority, ownScore, score: floor, rank: -floor },
          });
        }
      }
    }
    if (changes.length > 0) await db.outbox.bulkUpdate(changes);
    return changes.length;
  });
}

/** Sets the level of queued ops (one op, or every queued op of a match), then rescores. */
export async function setPriority(
  db: CourtSyncDb,
  target: { opId: string } | { matchId: string },
  level: PriorityLevel,
): Promise<void> {
  const matchId = await db.transaction('rw', db.outbox, async () => {
    if ('opId' in target) {
      const entry = await db.outbox.where('opId').equals(target.opId).first();
      if (!entry) return undefined;
      await db.outbox.update(entry.seq, { priority: level });
      return entry.matchId;
    }
    await db.outbox.where('matchId').equals(target.matchId).modify({ priority: level });
    return target.matchId;
  });
  if (matchId) await rescoreOutbox(db, { matchId });
}

/** The level one step up or down from `level` (unchanged at the ends). */
export function stepLevel(level: PriorityLevel, direction: 'up' | 'down'): PriorityLevel {
  const at = LEVELS.indexOf(level) + (direction === 'up' ? -1 : 1);
  return LEVELS[Math.min(LEVELS.length - 1, Math.max(0, at))]!;
}
