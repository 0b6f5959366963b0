import { ScoringError } from './scoring-error';
import type { Sanction, ScoringEvent, Team } from './types';

/** A team timeout. */
export function timeout(team: Team): ScoringEvent {
  return { type: 'timeout', team };
}

/** A substitution: `playerIn` replaces `playerOut`. */
export function sub(team: Team, playerOut: number, playerIn: number): ScoringEvent {
  return { type: 'substitution', team, playerOut, playerIn };
}

/** A sanction, to a player when `player` is given. */
export function sanction(team: Team, kind: Sanction, player?: number): ScoringEvent {
  return player === undefined
    ? { type: 'sanction', team, sanction: kind }
    : { type: 'sanction', team, sanction: kind, player };
}

/** The toss: `team` serves first in the current set (`left` starts on the left). */
export function firstServer(team: Team, left?: Team): ScoringEvent {
  return left ? { type: 'first-server', team, left } : { type: 'first-server', team };
}

/** An official's correction to the given set scores. */
export function correction(...sets: Array<[number, number]>): ScoringEvent {
  return { type: 'correction', sets: sets.map(([a, b]) => ({ a, b })) };
}

/** Runs `fn` and returns the ScoringError it threw (fails the test if it did not throw one). */
export function refusal(fn: () => unknown): ScoringError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScoringError) return error;
    throw error;
  }
  throw new Error('expected a ScoringError to be thrown');
}
