import { MatchReplayer } from './match-replayer';
import { ScoringError } from './scoring-error';
import type { FullMatchState, MatchFormat, MatchState, ScoringEvent } from './types';

export { FORMAT_RULES } from './format-rules';
export { MatchReplayer } from './match-replayer';
export { ScoringError } from './scoring-error';

/** Derives a match's state from its whole event log; a refused event throws with its index. */
export function replay(format: MatchFormat, events: readonly ScoringEvent[]): MatchState {
  return replayWith(format, events).state;
}

/** A replayer that has applied `events`; a refused event throws with its index. */
function replayWith(format: MatchFormat, events: readonly ScoringEvent[]): MatchReplayer {
  const replayer = new MatchReplayer(format);
  // A plain loop (not forEach) so holes in a sparse array from JS callers are refused, not skipped.
  for (let index = 0; index < events.length; index += 1) {
    try {
      replayer.step(events[index] as ScoringEvent);
    } catch (error) {
      if (error instanceof ScoringError) throw new ScoringError(error.code, error.message, index);
      throw error;
    }
  }
  return replayer;
}

/** Like `replay`, with every scoreboard detail (timeouts, sides, sanctions, due flags...). */
export function replayFull(format: MatchFormat, events: readonly ScoringEvent[]): FullMatchState {
  return replayWith(format, events).fullState;
}
