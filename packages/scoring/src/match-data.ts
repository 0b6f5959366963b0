import type {
  SanctionRecord,
  SetScore,
  SubstitutionRecord,
  Team,
  TeamCounts,
  TimeoutRecord,
} from './types';

/** One set as the replayer keeps it: its points and what the scoresheet records about it. */
export interface SetData {
  score: SetScore;
  firstServer: Team;
  startLeft: Team;
  timeouts: TimeoutRecord[];
  substitutions: SubstitutionRecord[];
  corrected: boolean;
}

/** Everything the replayer knows about a match (undo restores copies of it). */
export interface MatchData {
  /** Never empty: the last entry is the current (or final) set. */
  sets: SetData[];
  setsWon: TeamCounts;
  winner: Team | undefined;
  serving: Team;
  /** Rallies in effect (penalty points are not rallies). */
  rallies: number;
  sanctions: SanctionRecord[];
}

/** The other team. */
export function opponent(team: Team): Team {
  return team === 'A' ? 'B' : 'A';
}

/** A set at 0-0 with `firstServer` serving and `startLeft` on the left. */
export function newSet(firstServer: Team, startLeft: Team): SetData {
  return {
    score: { a: 0, b: 0 },
    firstServer,
    startLeft,
    timeouts: [],
    substitutions: [],
    corrected: false,
  };
}

/** A new match: A serves first and starts on the left until a first-server event says otherwise. */
export function newMatch(): MatchData {
  return {
    sets: [newSet('A', 'A')],
    setsWon: { A: 0, B: 0 },
    winner: undefined,
    serving: 'A',
    rallies: 0,
    sanctions: [],
  };
}

/** The current (or final) set. */
export function currentSet(data: MatchData): SetData {
  const set = data.sets[data.sets.length - 1];
  if (!set) throw new Error('MatchReplayer invariant broken: no current set');
  return set;
}

/** A team's points in a set. */
export function pointsOf(score: { a: number; b: number }, team: Team): number {
  return team === 'A' ? score.a : score.b;
}

/** A deep copy, so an undo can put the match back exactly as it was. */
export function cloneMatch(data: MatchData): MatchData {
  return {
    sets: data.sets.map((set) => ({
      ...set,
      score: { ...set.score },
      timeouts: set.timeouts.map((t) => ({ ...t, at: { ...t.at } })),
      substitutions: set.substitutions.map((s) => ({ ...s, at: { ...s.at } })),
    })),
    setsWon: { ...data.setsWon },
    winner: data.winner,
    serving: data.serving,
    rallies: data.rallies,
    sanctions: data.sanctions.map((s) => ({ ...s, at: { ...s.at } })),
  };
}
