import Dexie from 'dexie';
import { MatchReplayer, type MatchFormat, type ScoringEvent } from '@courtsync/scoring';
import type { CourtSyncDb, LocalEvent } from './courtsync-db';

/** Turns a stored event into the scoring engine's event. */
export function toScoringEvent(event: Pick<LocalEvent, 'type' | 'payload'>): ScoringEvent {
  return event.type === 'rally'
    ? { type: 'rally', winner: (event.payload as { winner: 'A' | 'B' }).winner }
    : { type: 'undo' };
}

/** A match's local events in log order. */
export function loadLocalEvents(db: CourtSyncDb, matchId: string): Promise<LocalEvent[]> {
  return db.events
    .where('[matchId+id]')
    .between([matchId, Dexie.minKey], [matchId, Dexie.maxKey])
    .toArray();
}

/** Rebuilds the scoring engine for a match from its local log. */
export function replayerFor(format: MatchFormat, events: readonly LocalEvent[]): MatchReplayer {
  const replayer = new MatchReplayer(format);
  for (const event of events) replayer.apply(toScoringEvent(event));
  return replayer;
}
