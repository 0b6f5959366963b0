import { currentSet, type MatchData } from './match-data';
import { PLAY_RULES } from './play-rules';
import { ScoringError } from './scoring-error';
import type { MatchFormat, Team } from './types';

/** Records a team timeout: indoor 2, beach 1 per team per set (the technical one is apart). */
export function takeTimeout(data: MatchData, format: MatchFormat, team: Team): void {
  const set = currentSet(data);
  const allowed = PLAY_RULES[format].timeoutsPerSet;
  const taken = set.timeouts.filter((t) => t.team === team).length;
  if (taken >= allowed) {
    throw new ScoringError(
      'TIMEOUTS_EXHAUSTED',
      `Team ${team} has taken its ${allowed} timeout${allowed === 1 ? '' : 's'} of set ` +
        `${data.sets.length} (${format}: ${allowed} per team per set)`,
    );
  }
  set.timeouts.push({ team, at: { a: set.score.a, b: set.score.b } });
}

/**
 * Records the toss (or, in beach set 2, the choice): `team` serves the current set's first
 * rally, and `left`, if given, starts on the left. Only before the set's first point.
 */
export function setFirstServer(data: MatchData, team: Team, left: Team | undefined): void {
  const set = currentSet(data);
  const { a, b } = set.score;
  if (a + b > 0) {
    throw new ScoringError(
      'SET_ALREADY_STARTED',
      `Set ${data.sets.length} has started (${a}-${b}): its first server is chosen before ` +
        'its first point only',
    );
  }
  set.firstServer = team;
  if (left) set.startLeft = left;
  data.serving = team;
}
