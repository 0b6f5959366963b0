/** A team is always "A" (listed first) or "B". */
export type Team = 'A' | 'B';

/** The two formats CourtSync scores (SPEC F3). */
export type MatchFormat = 'indoor' | 'beach';

/** Misconduct and delay sanctions, lightest first (FIVB rules 16 and 21). */
export type Sanction = 'warning' | 'penalty' | 'expulsion' | 'disqualification';

/** Points of one set as an official states them in a correction. */
export interface CorrectedSet {
  a: number;
  b: number;
}

/**
 * One entry of a match's ordered event log. Every event except `undo` is an *action* that
 * `undo` can take back (the last action in effect, whatever its type).
 * - `rally`: a rally won by `winner` (point and serve to it).
 * - `timeout`: a team's timeout in the current set (indoor 2, beach 1 per team per set).
 * - `substitution`: indoor only, 6 per team per set; players are shirt numbers 1-99.
 * - `sanction`: `penalty` is a point and the serve to the opponent; in beach `expulsion`
 *   loses the team the set and `disqualification` the match (the team is incomplete).
 * - `first-server`: who serves first in the current set (the toss, or the choice in beach
 *   set 2), and optionally which team starts on the left; only before the set's first point.
 * - `correction`: an official's set-by-set score; the match's sets become exactly `sets`
 *   (set 1 first), replacing the score of every set named and dropping any set after them.
 * Side switches and the beach technical timeout need no event: they are derived from the
 * score and shown as "due" flags in MatchState.
 */
export type ScoringEvent =
  | { type: 'rally'; winner: Team }
  | { type: 'undo' }
  | { type: 'timeout'; team: Team }
  | { type: 'substitution'; team: Team; playerOut: number; playerIn: number }
  | { type: 'sanction'; team: Team; sanction: Sanction; player?: number }
  | { type: 'first-server'; team: Team; left?: Team }
  | { type: 'correction'; sets: CorrectedSet[] };

/** The `type` of every scoring event. */
export type ScoringEventType = ScoringEvent['type'];

/** Points of one set; `winner` is set once the set is over. */
export interface SetScore {
  a: number;
  b: number;
  winner?: Team;
}

/** A number per team. */
export interface TeamCounts {
  A: number;
  B: number;
}

/** The score of the set (points of A and B) at the moment something happened. */
export interface ScoreAt {
  a: number;
  b: number;
}

/** A team timeout as the scoresheet records it. */
export interface TimeoutRecord {
  team: Team;
  at: ScoreAt;
}

/** A substitution as the scoresheet records it. */
export interface SubstitutionRecord {
  team: Team;
  playerOut: number;
  playerIn: number;
  at: ScoreAt;
}

/** A sanction in effect; `set` is 1-based, `at` the set's score before it (penalty point). */
export interface SanctionRecord {
  team: Team;
  sanction: Sanction;
  player?: number;
  set: number;
  at: ScoreAt;
}

/** What the scoresheet needs about one set besides its points. */
export interface SetDetail {
  /** Team that served (or serves) the set's first rally. */
  firstServer: Team;
  /** Team on the left at the start of the set. */
  startLeft: Team;
  timeouts: TimeoutRecord[];
  substitutions: SubstitutionRecord[];
  /** True when an official's correction set this set's points. */
  corrected: boolean;
}

/** Everything a scoreboard shows besides the points (replayFull, EffectiveLog). */
export interface MatchDetails {
  /** 1-based number of the current (or final) set: `sets.length`. */
  set: number;
  /** Who plays on which side for the next rally (a due switch is already applied). */
  sides: { left: Team; right: Team };
  /** Team timeouts still allowed in the current set. */
  timeoutsLeft: TeamCounts;
  /** Substitutions still allowed in the current set (always 0 in beach). */
  substitutionsLeft: TeamCounts;
  /** Every sanction in effect, oldest first. */
  sanctions: SanctionRecord[];
  /** Beach sets 1-2: the two scores add up to 21 right now, the technical timeout is due. */
  technicalTimeoutDue: boolean;
  /** The last point made the teams switch sides now (`sides` already shows the new sides). */
  sideSwitchDue: boolean;
  /** One entry per entry of `sets`. */
  setDetails: SetDetail[];
  /** Number of actions in effect (of any type): how many times undo can be applied. */
  actions: number;
}

/**
 * The match state derived by replaying the event log. `replay` and `MatchReplayer.state`
 * return the score only (as before the full rules); `replayFull`, `MatchReplayer.fullState`
 * and protocol's EffectiveLog add every MatchDetails field. The details are optional here
 * because states stored before them (and `replay`'s) do not carry them.
 */
export interface MatchState extends Partial<MatchDetails> {
  format: MatchFormat;
  /** Every set played so far, the last one is the current (or final) set. */
  sets: SetScore[];
  setsWon: { A: number; B: number };
  /** Set once the match is over. */
  winner?: Team;
  /** Who serves the next rally. */
  serving: Team;
  /** Number of rallies in effect (not undone); penalty points are not rallies. */
  rallies: number;
}

/** The state with every scoreboard detail present. */
export type FullMatchState = MatchState & MatchDetails;

/** Machine-readable reasons an event is refused; each names the rule that refuses it. */
export type ScoringErrorCode =
  /** No action after the match is over (undo and correction excepted). */
  | 'MATCH_FINISHED'
  /** Undo with no action in effect. */
  | 'NOTHING_TO_UNDO'
  /** Not a well-formed scoring event. */
  | 'INVALID_EVENT'
  /** The team has used all its timeouts of this set (indoor 2, beach 1). */
  | 'TIMEOUTS_EXHAUSTED'
  /** The team has made all its substitutions of this set (indoor 6). */
  | 'SUBSTITUTIONS_EXHAUSTED'
  /** Beach volleyball has no substitutions. */
  | 'SUBSTITUTIONS_NOT_ALLOWED'
  /**
   * Against the substitution rules (FIVB 15.6): a player leaves and comes back once per set,
   * only for the player who replaced them, and a substitute leaves only for that player.
   */
  | 'ILLEGAL_SUBSTITUTION'
  /** The player is expelled (for this set) or disqualified (for the match). */
  | 'PLAYER_EXCLUDED'
  /** A team member (or the team, for delay) has had its warning: a repeat is sanctioned harder. */
  | 'WARNING_ALREADY_GIVEN'
  /** The first server (toss) of a set is recorded before its first point only. */
  | 'SET_ALREADY_STARTED'
  /** The corrected score is not one the rules allow (e.g. a set won 25-20 in the 4th set of 3). */
  | 'INVALID_CORRECTION';
