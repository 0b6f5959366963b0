import type { CourtSyncDb, OutboxEntry } from './courtsync-db';
import { LEVELS, scoreOp, type PriorityLevel } from './priority-rules';
import { isLive, readScoringInputs } from './priority-scoring';

// The queue's reordering (rules, plan or levels changed; the manager's interval), apart from
// the constant-time scoring of a tap (priority-scoring.ts): the tap path is in every page's
// first load, and these run from the sync manager and the sync page only.

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
