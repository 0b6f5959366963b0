import { liveQuery, type Observable } from 'dexie';
import type { CourtSyncDb, LocalMatch, OutboxEntry } from './courtsync-db';
import { failedFloors, isHeld } from './outbox-queue';

/** An op as the Sync Queue tab shows it. */
export type QueueItem = OutboxEntry & {
  /** Pending behind a failed op of its match. */
  held: boolean;
  /** 1-based place in the send order (failed and held ops: none). */
  position?: number;
};

/** The queue in send order (highest score first, each match in order), failed ops last. */
export interface QueueView {
  items: QueueItem[];
  matches: Record<string, Pick<LocalMatch, 'id' | 'teamA' | 'teamB' | 'court'>>;
}

/** Reads the queue view once. */
export async function readQueueView(db: CourtSyncDb): Promise<QueueView> {
  const [entries, floors] = await Promise.all([db.outbox.toArray(), failedFloors(db)]);
  const pending = entries
    .filter((e) => e.status === 'pending')
    .sort((a, b) => a.rank - b.rank || a.seq - b.seq);
  const failed = entries.filter((e) => e.status === 'failed').sort((a, b) => a.seq - b.seq);
  let position = 0;
  const items: QueueItem[] = [
    // Held ops get no place: they go only after the failed op before them is settled.
    ...pending.map((e) => {
      const held = isHeld(e, floors);
      return { ...e, held, position: held ? undefined : (position += 1) };
    }),
    ...failed.map((e) => ({ ...e, held: false })),
  ];
  const ids = [...new Set(entries.map((e) => e.matchId))];
  const rows = await db.matches.bulkGet(ids);
  const matches: QueueView['matches'] = {};
  rows.forEach((m, i) => {
    const id = ids[i]!;
    matches[id] = m
      ? { id, teamA: m.teamA, teamB: m.teamB, court: m.court }
      : { id, teamA: '?', teamB: '?', court: '' };
  });
  return { items, matches };
}

/** Live queue view (re-emits on every outbox change). */
export function observeQueueView(db: CourtSyncDb): Observable<QueueView> {
  return liveQuery(() => readQueueView(db));
}

/** The Priority View's figures (F16) over a queue view. */
export interface PriorityFigures {
  total: number;
  pending: number;
  failed: number;
  /** Pending ops scoring at least the threshold. */
  highPriority: number;
  /** Average time the pending ops have waited so far (ms); undefined when none. */
  averageWaitMs?: number;
}

/** Computes the Priority View's figures at `now`. */
export function priorityFigures(
  items: readonly QueueItem[],
  threshold: number,
  now: number,
): PriorityFigures {
  const pending = items.filter((i) => i.status === 'pending');
  const waits = pending.map((i) => Math.max(0, now - i.queuedAt));
  return {
    total: items.length,
    pending: pending.length,
    failed: items.length - pending.length,
    highPriority: pending.filter((i) => i.score >= threshold).length,
    averageWaitMs: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : undefined,
  };
}

/** The matches on this device (for the rule editor's "match is" condition). */
export function observeLocalMatches(
  db: CourtSyncDb,
): Observable<Pick<LocalMatch, 'id' | 'teamA' | 'teamB' | 'court'>[]> {
  return liveQuery(async () =>
    (await db.matches.toArray()).map(({ id, teamA, teamB, court }) => ({
      id,
      teamA,
      teamB,
      court,
    })),
  );
}
