import type { MatchFormat } from './types';

/** What happens between rallies, per format (FIVB indoor and beach rules). */
export interface PlayRules {
  /** Team timeouts per team per set (indoor 2, beach 1). */
  timeoutsPerSet: number;
  /** Substitutions per team per set (indoor 6; beach has none). */
  substitutionsPerSet: number;
  /** Beach: technical timeout when the scores add up to this, sets before the deciding one. */
  technicalTimeoutAt: number | null;
  /** Beach: teams switch sides every this many points (sum of both scores)... */
  switchEvery: number | null;
  /** ...and every this many in the deciding set. */
  decidingSwitchEvery: number | null;
  /** Indoor: in the deciding set the teams switch once, when the leader reaches this. */
  decidingSwitchAt: number | null;
  /** Beach: the team is incomplete without an expelled or disqualified player (6.4.3). */
  exclusionForfeits: boolean;
}

/** Official figures: indoor 2 timeouts, 6 substitutions, switch at 8 in the 5th set; beach 1 timeout, TTO at 21, switch every 7 (5 in the 3rd set). */
export const PLAY_RULES: Record<MatchFormat, PlayRules> = Object.freeze({
  indoor: Object.freeze({
    timeoutsPerSet: 2,
    substitutionsPerSet: 6,
    technicalTimeoutAt: null,
    switchEvery: null,
    decidingSwitchEvery: null,
    decidingSwitchAt: 8,
    exclusionForfeits: false,
  }),
  beach: Object.freeze({
    timeoutsPerSet: 1,
    substitutionsPerSet: 0,
    technicalTimeoutAt: 21,
    switchEvery: 7,
    decidingSwitchEvery: 5,
    decidingSwitchAt: null,
    exclusionForfeits: true,
  }),
});
