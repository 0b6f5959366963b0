import { replayFull } from './index';
import { refusal, sanction, sub } from './full-test-helpers';
import { rally, run, UNDO } from './test-helpers';

describe('indoor substitutions', () => {
  it('allows 6 per team per set and refuses a seventh with SUBSTITUTIONS_EXHAUSTED', () => {
    const six = [1, 2, 3, 4, 5, 6].map((n) => sub('A', n, n + 10));
    const state = replayFull('indoor', [rally('B'), ...six]);
    expect(state.substitutionsLeft).toEqual({ A: 0, B: 6 });
    expect(state.setDetails[0]?.substitutions[0]).toEqual({
      team: 'A',
      playerOut: 1,
      playerIn: 11,
      at: { a: 0, b: 1 },
    });
    expect(refusal(() => replayFull('indoor', [...six, sub('A', 11, 1)]))).toMatchObject({
      code: 'SUBSTITUTIONS_EXHAUSTED',
      index: 6,
      message: 'Team A has made its 6 substitutions of set 1 (indoor: 6 per team per set)',
    });
    expect(replayFull('indoor', [...six, sub('B', 1, 11)]).substitutionsLeft).toEqual({
      A: 0,
      B: 5,
    });
  });

  it('gives a fresh allowance each set', () => {
    const six = [1, 2, 3, 4, 5, 6].map((n) => sub('A', n, n + 10));
    const state = replayFull('indoor', [...six, ...run('A', 25), sub('A', 11, 1)]);
    expect(state.substitutionsLeft).toEqual({ A: 5, B: 6 });
  });

  it('pairs players: a substitute leaves only for the player they replaced, once per set', () => {
    const base = [sub('A', 4, 14)];
    expect(replayFull('indoor', [...base, sub('A', 14, 4)]).substitutionsLeft?.A).toBe(4);
    const cases = [
      [sub('A', 14, 5), 'substitute 14 can only be replaced by player 4, whom they replaced'],
      [sub('A', 4, 15), 'player 4 is not on court (replaced earlier)'],
      [sub('A', 5, 14), 'player 14 is already on court'],
      [sub('A', 5, 4), 'player 4 can only come back for the substitute who replaced them'],
      [sub('A', 7, 7), 'player 7 cannot replace themselves'],
    ] as const;
    for (const [event, reason] of cases) {
      expect(refusal(() => replayFull('indoor', [...base, event]))).toMatchObject({
        code: 'ILLEGAL_SUBSTITUTION',
        message: `Illegal substitution for team A: ${reason} (FIVB 15.6)`,
      });
    }
    const completed = [...base, sub('A', 14, 4)];
    expect(refusal(() => replayFull('indoor', [...completed, sub('A', 4, 14)])).code).toBe(
      'ILLEGAL_SUBSTITUTION',
    );
    expect(refusal(() => replayFull('indoor', [...completed, sub('A', 4, 20)])).code).toBe(
      'ILLEGAL_SUBSTITUTION',
    );
    // The other team and the next set are not bound by team A's pairs of set 1.
    expect(replayFull('indoor', [...completed, sub('B', 4, 14)]).substitutionsLeft?.B).toBe(5);
    expect(replayFull('indoor', [...completed, ...run('B', 25), sub('A', 4, 14)]).set).toBe(2);
  });

  it('keeps expelled (this set) and disqualified (match) players off court', () => {
    const expelled = [sanction('A', 'expulsion', 9), sub('A', 9, 19)];
    expect(refusal(() => replayFull('indoor', [...expelled, sub('A', 19, 9)]))).toMatchObject({
      code: 'PLAYER_EXCLUDED',
    });
    expect(replayFull('indoor', [...expelled, ...run('B', 25), sub('A', 5, 9)]).set).toBe(2);
    const dq = [sanction('A', 'disqualification', 9), sub('A', 9, 19), ...run('B', 25)];
    expect(refusal(() => replayFull('indoor', [...dq, sub('A', 5, 9)])).code).toBe(
      'PLAYER_EXCLUDED',
    );
  });

  it('is refused in beach volleyball', () => {
    expect(refusal(() => replayFull('beach', [sub('A', 1, 2)]))).toMatchObject({
      code: 'SUBSTITUTIONS_NOT_ALLOWED',
    });
    expect(replayFull('beach', []).substitutionsLeft).toEqual({ A: 0, B: 0 });
  });

  it('is taken back by undo', () => {
    const state = replayFull('indoor', [rally('A'), sub('B', 2, 12), UNDO]);
    expect(state).toEqual(replayFull('indoor', [rally('A')]));
    expect(
      replayFull('indoor', [sub('B', 2, 12), UNDO, sub('B', 2, 13)]).substitutionsLeft?.B,
    ).toBe(5);
  });
});
