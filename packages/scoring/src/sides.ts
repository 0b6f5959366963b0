import { FORMAT_RULES } from './format-rules';
import { opponent, pointsOf, type SetData } from './match-data';
import { PLAY_RULES } from './play-rules';
import type { MatchFormat, Team } from './types';

/** Whether the set at `index` (0-based) is the deciding set (indoor 5th, beach 3rd). */
export function isDecidingSet(format: MatchFormat, index: number): boolean {
  return index === FORMAT_RULES[format].bestOf - 1;
}

/** Beach: points (both scores together) between two side switches in the set at `index`. */
function switchInterval(format: MatchFormat, index: number): number | null {
  const rules = PLAY_RULES[format];
  return isDecidingSet(format, index) ? rules.decidingSwitchEvery : rules.switchEvery;
}

/**
 * Side switches made so far in a set, derived from its score alone (so undo and corrections
 * need no bookkeeping). A set's last point switches nothing: the set is over.
 */
function switchesMade(format: MatchFormat, index: number, set: SetData): number {
  const { a, b, winner } = set.score;
  const interval = switchInterval(format, index);
  if (interval) return Math.floor(Math.max(0, a + b - (winner ? 1 : 0)) / interval);
  const at = PLAY_RULES[format].decidingSwitchAt;
  if (at && isDecidingSet(format, index) && Math.max(a, b) >= at) return 1;
  return 0;
}

/** The team on the left now in the set at `index` (after any switch due now). */
export function leftNow(format: MatchFormat, index: number, set: SetData): Team {
  return switchesMade(format, index, set) % 2 === 0 ? set.startLeft : opponent(set.startLeft);
}

/**
 * Whether the last point made the teams switch sides now: beach every 7 points (5 in the
 * deciding set), indoor once in the deciding set when the leader reaches 8. `serving` is the
 * team that won the set's last point (unless the set has none yet).
 */
export function sideSwitchDue(
  format: MatchFormat,
  index: number,
  set: SetData,
  serving: Team,
): boolean {
  const { a, b, winner } = set.score;
  if (winner || a + b === 0) return false;
  const interval = switchInterval(format, index);
  if (interval) return (a + b) % interval === 0;
  const at = PLAY_RULES[format].decidingSwitchAt;
  if (!at || !isDecidingSet(format, index)) return false;
  // The team that scored last reached `at` with that point while the other is still below.
  return pointsOf(set.score, serving) === at && pointsOf(set.score, opponent(serving)) < at;
}

/** Beach sets before the deciding one: the scores add up to 21 now (and the set goes on). */
export function technicalTimeoutDue(format: MatchFormat, index: number, set: SetData): boolean {
  const at = PLAY_RULES[format].technicalTimeoutAt;
  const { a, b, winner } = set.score;
  return at !== null && !winner && !isDecidingSet(format, index) && a + b === at;
}
