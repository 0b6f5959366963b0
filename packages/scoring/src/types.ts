/** A team is always "A" (listed first) or "B". */
export type Team = 'A' | 'B';

/** The two formats CourtSync scores (SPEC F3). */
export type MatchFormat = 'indoor' | 'beach';

/** One entry of a match's ordered event log. */
export type ScoringEvent = { type: 'rally'; winner: Team } | { type: 'undo' };

/** Points of one set; `winner` is set once the set is over. */
export interface SetScore {
  a: number;
  b: number;
  winner?: Team;
}

/** The match state derived by replaying the event log. */
export interface MatchState {
  format: MatchFormat;
  /** Every set played so far, the last one is the current (or final) set. */
  sets: SetScore[];
  setsWon: { A: number; B: number };
  /** Set once the match is over. */
  winner?: Team;
  /** Who serves the next rally (the last rally's winner). */
  serving: Team;
  /** Number of events that are in effect (rallies not undone). */
  rallies: number;
}

/** Machine-readable reasons an event is refused. */
export type ScoringErrorCode = 'MATCH_FINISHED' | 'NOTHING_TO_UNDO' | 'INVALID_EVENT';
