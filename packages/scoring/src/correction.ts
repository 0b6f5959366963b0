import { FORMAT_RULES, pointsForSet, setsToWin } from './format-rules';
import { newSet, type MatchData, type SetData } from './match-data';
import { isSetOver, nextSetStart, openNextSet } from './points';
import { ScoringError } from './scoring-error';
import type { CorrectedSet, MatchFormat, Team } from './types';

/** Refuses a correction with INVALID_CORRECTION and the reason. */
function invalid(reason: string): never {
  throw new ScoringError('INVALID_CORRECTION', `Invalid score correction: ${reason}`);
}

/**
 * The winner of a finished set, or undefined while it can go on. A score past the set's end
 * (e.g. 25-20 in a set to 21, or 27-20) cannot be reached in play and is refused.
 */
function setOutcome(format: MatchFormat, index: number, set: CorrectedSet): Team | undefined {
  const { a, b } = set;
  if (!isSetOver(format, index, a, b)) return undefined;
  const rules = FORMAT_RULES[format];
  const points = pointsForSet(rules, index);
  if (Math.max(a, b) > points && Math.abs(a - b) > rules.winBy) {
    invalid(`set ${index + 1} at ${a}-${b} would have ended at ${points} or with a 2-point lead`);
  }
  return a > b ? 'A' : 'B';
}

/**
 * Applies an official's correction: the match's sets become exactly `sets` (set 1 first),
 * each named set keeping its scoresheet details (first server, timeouts, substitutions) and
 * marked corrected when its points change. Every set but the last must be finished without
 * the match being decided early; when the last is finished too, the match ends or the next
 * set opens. The serve stays where it was while the current set goes on.
 */
export function correct(data: MatchData, format: MatchFormat, sets: CorrectedSet[]): void {
  const rules = FORMAT_RULES[format];
  if (sets.length === 0 || sets.length > rules.bestOf) {
    invalid(`name 1 to ${rules.bestOf} sets (${format}), not ${sets.length}`);
  }
  const won = { A: 0, B: 0 };
  let matchWinner: Team | undefined;
  const outcomes = sets.map((set, index) => {
    if (matchWinner)
      invalid(`the match was over after set ${index}, yet set ${index + 1} is named`);
    const winner = setOutcome(format, index, set);
    if (!winner && index < sets.length - 1) {
      invalid(`set ${index + 1} at ${set.a}-${set.b} is not finished, yet a later set is named`);
    }
    if (winner) {
      won[winner] += 1;
      if (won[winner] >= setsToWin(rules)) matchWinner = winner;
    }
    return winner;
  });

  const currentBefore = data.sets.length - 1;
  const corrected: SetData[] = [];
  sets.forEach((set, index) => {
    const kept = data.sets[index];
    const previous = corrected[index - 1];
    const base = kept ?? {
      ...(previous ? nextSetStart(format, index - 1, previous) : newSet('A', 'A')),
      timeouts: [],
      substitutions: [],
      corrected: false,
    };
    const winner = outcomes[index];
    const changed = !kept || kept.score.a !== set.a || kept.score.b !== set.b;
    corrected.push({
      ...base,
      score: winner ? { a: set.a, b: set.b, winner } : { a: set.a, b: set.b },
      corrected: base.corrected || changed,
    });
  });
  data.sets = corrected;
  data.setsWon = won;
  data.winner = matchWinner;
  const last = corrected[corrected.length - 1] as SetData;
  if (matchWinner) data.serving = matchWinner;
  else if (last.score.winner) openNextSet(data, format);
  else if (corrected.length - 1 !== currentBefore) data.serving = last.firstServer;
}
