import type { MatchFormat } from './types';

/** Points and set counts that decide sets and the match for one format. */
export interface FormatRules {
  /** Maximum number of sets; the match is won by taking a majority of them. */
  bestOf: number;
  /** Points needed to win a regular set. */
  setPoints: number;
  /** Points needed to win the deciding (last possible) set. */
  decidingSetPoints: number;
  /** Required lead; there is no point cap, so 24-24 goes on to 26-24. */
  winBy: 2;
}

/** Official rules per format: indoor best of 5 (25, 5th to 15), beach best of 3 (21, 3rd to 15). */
export const FORMAT_RULES: Record<MatchFormat, FormatRules> = Object.freeze({
  indoor: Object.freeze({ bestOf: 5, setPoints: 25, decidingSetPoints: 15, winBy: 2 as const }),
  beach: Object.freeze({ bestOf: 3, setPoints: 21, decidingSetPoints: 15, winBy: 2 as const }),
});

/** Number of sets a team must win to take the match (3 indoor, 2 beach). */
export function setsToWin(rules: FormatRules): number {
  return Math.floor(rules.bestOf / 2) + 1;
}

/** Points needed to win the set at `setIndex` (0-based); only the last possible set is shorter. */
export function pointsForSet(rules: FormatRules, setIndex: number): number {
  return setIndex === rules.bestOf - 1 ? rules.decidingSetPoints : rules.setPoints;
}
