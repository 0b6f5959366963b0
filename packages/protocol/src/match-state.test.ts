import { replay, replayFull, type ScoringEvent } from '@courtsync/scoring';
import { matchStateSchema } from './matches';

const rallies = (winner: 'A' | 'B', count: number): ScoringEvent[] =>
  Array.from({ length: count }, () => ({ type: 'rally', winner }));

describe('matchStateSchema', () => {
  it('carries every detail of a full state (nothing stripped on the way to a device)', () => {
    const state = replayFull('indoor', [
      { type: 'first-server', team: 'B', left: 'B' },
      ...rallies('A', 25),
      { type: 'timeout', team: 'A' },
      { type: 'substitution', team: 'B', playerOut: 3, playerIn: 13 },
      { type: 'sanction', team: 'A', sanction: 'warning', player: 9 },
      { type: 'sanction', team: 'B', sanction: 'penalty' },
      {
        type: 'correction',
        sets: [
          { a: 25, b: 20 },
          { a: 2, b: 0 },
        ],
      },
    ]);
    expect(JSON.parse(JSON.stringify(matchStateSchema.parse(state)))).toEqual(state);
  });

  it('still reads a score-only state stored before the full rules', () => {
    const state = replay('beach', rallies('B', 30));
    expect(matchStateSchema.parse(state)).toEqual(state);
  });
});
