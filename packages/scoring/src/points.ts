import { FORMAT_RULES, pointsForSet, setsToWin } from './format-rules';
import { currentSet, newSet, opponent, type MatchData, type SetData } from './match-data';
import { leftNow } from './sides';
import type { MatchFormat, Team } from './types';

/** Whether `a`-`b` ends the set at `index`: its points reached with the required lead. */
export function isSetOver(format: MatchFormat, index: number, a: number, b: number): boolean {
  const rules = FORMAT_RULES[format];
  return Math.max(a, b) >= pointsForSet(rules, index) && Math.abs(a - b) >= rules.winBy;
}

/**
 * Who serves first and who starts on the left in the set after `previous` (at `index`): the
 * team that did not serve first in the previous set serves first (FIVB 12.2.2; a first-server
 * event records a toss or choice instead). Indoor teams change courts after each set (18.2);
 * beach teams stay where they ended until a choice says otherwise.
 */
export function nextSetStart(
  format: MatchFormat,
  index: number,
  previous: SetData,
): { firstServer: Team; startLeft: Team } {
  const leftAtEnd = leftNow(format, index, previous);
  return {
    firstServer: opponent(previous.firstServer),
    startLeft: format === 'indoor' ? opponent(leftAtEnd) : leftAtEnd,
  };
}

/** Opens the next set at 0-0 (see nextSetStart). */
export function openNextSet(data: MatchData, format: MatchFormat): void {
  const start = nextSetStart(format, data.sets.length - 1, currentSet(data));
  data.sets.push(newSet(start.firstServer, start.startLeft));
  data.serving = start.firstServer;
}

/** Gives the current set to `winner`, then ends the match or opens the next set. */
export function closeSet(data: MatchData, format: MatchFormat, winner: Team): void {
  currentSet(data).score.winner = winner;
  data.setsWon[winner] += 1;
  if (data.setsWon[winner] >= setsToWin(FORMAT_RULES[format])) data.winner = winner;
  else openNextSet(data, format);
}

/** One point and the serve to `team` (a rally or a penalty); returns whether it ended the set. */
export function scorePoint(data: MatchData, format: MatchFormat, team: Team): boolean {
  const set = currentSet(data).score;
  if (team === 'A') set.a += 1;
  else set.b += 1;
  data.serving = team;
  if (!isSetOver(format, data.sets.length - 1, set.a, set.b)) return false;
  closeSet(data, format, team);
  return true;
}

/** Whether one more point for `team` would end the current set (so undo needs a snapshot). */
export function pointWouldEndSet(data: MatchData, format: MatchFormat, team: Team): boolean {
  const { a, b } = currentSet(data).score;
  const index = data.sets.length - 1;
  return isSetOver(format, index, a + (team === 'A' ? 1 : 0), b + (team === 'B' ? 1 : 0));
}

/**
 * Declares `loser` incomplete for the set (FIVB beach 6.4.3): the opponent gets the points it
 * needs to win the set, the loser keeps its points. With `wholeMatch` every remaining set goes
 * the same way, so the opponent wins the match.
 */
export function forfeit(data: MatchData, format: MatchFormat, loser: Team, wholeMatch: boolean) {
  const winner = opponent(loser);
  const rules = FORMAT_RULES[format];
  do {
    const set = currentSet(data).score;
    const lost = loser === 'A' ? set.a : set.b;
    const needed = Math.max(pointsForSet(rules, data.sets.length - 1), lost + rules.winBy);
    if (winner === 'A') set.a = Math.max(set.a, needed);
    else set.b = Math.max(set.b, needed);
    closeSet(data, format, winner);
  } while (wholeMatch && !data.winner);
}
