import { FORMAT_RULES, replay } from '@courtsync/scoring';
import type { MatchFormat, MatchState, SetScore } from '@courtsync/scoring';
import type { ProviderScore } from '../../db/schema-upstream';

/** Whether a set with these points is over (target reached with a 2-point lead). */
function setWinner(format: MatchFormat, index: number, a: number, b: number): SetScore['winner'] {
  const rules = FORMAT_RULES[format];
  const target = index === rules.bestOf - 1 ? rules.decidingSetPoints : rules.setPoints;
  if (Math.max(a, b) < target || Math.abs(a - b) < rules.winBy) return undefined;
  return a > b ? 'A' : 'B';
}

/**
 * A MatchState showing a provider's score, for matches nobody scores courtside. It has no
 * rallies (`rallies: 0`): the event log is empty, and the first courtside op replaces this
 * state with the log's own (CourtSync wins from then on).
 */
export function providerState(
  format: MatchFormat,
  score: ProviderScore,
  status: 'scheduled' | 'live' | 'finished',
): MatchState {
  const empty = replay(format, []);
  if (score.sets.length === 0) return empty;
  const sets: SetScore[] = score.sets.map((s, i) => {
    const winner = setWinner(format, i, s.a, s.b);
    return winner ? { a: s.a, b: s.b, winner } : { a: s.a, b: s.b };
  });
  const last = sets[sets.length - 1];
  // Like a replayed state, a match between sets shows the next set at 0:0.
  if (status === 'live' && last?.winner) sets.push({ a: 0, b: 0 });
  const setsWon = { A: score.setsWon.a, B: score.setsWon.b };
  const state: MatchState = { ...empty, sets, setsWon, rallies: 0 };
  if (status === 'finished' && setsWon.A !== setsWon.B)
    state.winner = setsWon.A > setsWon.B ? 'A' : 'B';
  return state;
}
