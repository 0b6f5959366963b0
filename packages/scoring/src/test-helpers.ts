import type { ScoringEvent, Team } from './types';

/** The undo event, shared by the tests. */
export const UNDO: ScoringEvent = { type: 'undo' };

/** One rally won by `winner`. */
export function rally(winner: Team): ScoringEvent {
  return { type: 'rally', winner };
}

/** `count` rallies in a row won by `winner`. */
export function run(winner: Team, count: number): ScoringEvent[] {
  return Array.from({ length: count }, () => rally(winner));
}

/**
 * Rallies that bring a fresh set to `a`-`b`: alternate A,B until the lower score is reached,
 * then the leader's remaining points, so no intermediate score ends the set early.
 */
export function score(a: number, b: number): ScoringEvent[] {
  const events: ScoringEvent[] = [];
  for (let i = 0; i < Math.min(a, b); i += 1) events.push(rally('A'), rally('B'));
  return events.concat(run(a > b ? 'A' : 'B', Math.abs(a - b)));
}
