import { EffectiveLog } from '@courtsync/protocol';
import type {
  HistoryEntry,
  HistoryQuery,
  HistoryResponse,
  RunningScore,
} from '@courtsync/protocol/scores';
import type { MatchState } from '@courtsync/scoring';
import { and, asc, eq } from 'drizzle-orm';
import { matches, matchEvents } from '../../db/schema';
import type { Database } from '../../db/types';
import { toAppliedOp } from '../feed/read-feed';

/** The score a state shows: the set in play and the sets won. */
export function runningScoreOf(state: MatchState): RunningScore {
  const set = state.sets[state.sets.length - 1] ?? { a: 0, b: 0 };
  return {
    set: Math.max(1, state.sets.length),
    a: set.a,
    b: set.b,
    setsWon: { A: state.setsWon.A, B: state.setsWon.B },
  };
}

/**
 * One page of a match's log (oldest first) with the score after each event. The score needs
 * every earlier event, so the log is replayed from the start up to the page's end (a match
 * has a few hundred events at most). Null when the match is not part of the event.
 */
export async function readHistory(
  db: Database,
  eventId: string,
  matchId: string,
  { limit, offset }: HistoryQuery,
): Promise<HistoryResponse | null> {
  return db.transaction(async (tx) => {
    const [match] = await tx
      .select({ format: matches.format, eventCount: matches.eventCount })
      .from(matches)
      .where(and(eq(matches.id, matchId), eq(matches.tournamentId, eventId)));
    if (!match) return null;
    const rows = await tx
      .select()
      .from(matchEvents)
      .where(eq(matchEvents.matchId, matchId))
      .orderBy(asc(matchEvents.position))
      .limit(offset + limit);
    const log = new EffectiveLog(match.format);
    const events: HistoryEntry[] = [];
    for (const [index, row] of rows.entries()) {
      const counted = log.tryApply(row) !== undefined;
      if (index < offset) continue;
      events.push({
        ...toAppliedOp(row),
        position: row.position,
        feedPosition: row.feedPosition,
        counted,
        score: runningScoreOf(log.state),
      });
    }
    return { eventId, matchId, total: match.eventCount, limit, offset, events };
  });
}
