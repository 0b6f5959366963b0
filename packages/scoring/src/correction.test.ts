import { MatchReplayer, replay, replayFull } from './index';
import { correction, refusal, timeout } from './full-test-helpers';
import { rally, run, score, UNDO } from './test-helpers';

describe('official correction', () => {
  it('replaces the score of the sets named and finishes the match', () => {
    const events = [...run('A', 21), ...score(10, 12), correction([21, 19], [15, 21], [15, 13])];
    const state = replayFull('beach', events);
    expect(state.sets).toEqual([
      { a: 21, b: 19, winner: 'A' },
      { a: 15, b: 21, winner: 'B' },
      { a: 15, b: 13, winner: 'A' },
    ]);
    expect(state.setsWon).toEqual({ A: 2, B: 1 });
    expect(state.winner).toBe('A');
    expect(state.setDetails.map((s) => s.corrected)).toEqual([true, true, true]);
    expect(state.actions).toBe(21 + 22 + 1);
  });

  it('keeps a set in progress going, with its serve and scoresheet details', () => {
    const events = [...run('A', 21), timeout('B'), ...score(10, 12)];
    const state = replayFull('beach', [...events, correction([21, 0], [11, 12])]);
    expect(state.sets).toEqual([
      { a: 21, b: 0, winner: 'A' },
      { a: 11, b: 12 },
    ]);
    expect(state.serving).toBe('B');
    expect(state.setDetails[0]?.corrected).toBe(false);
    expect(state.setDetails[1]).toMatchObject({ corrected: true, timeouts: [{ team: 'B' }] });
    expect(replay('beach', [...events, correction([21, 0], [11, 12]), rally('A')]).sets[1]).toEqual(
      {
        a: 12,
        b: 12,
      },
    );
  });

  it('opens the next set when the last set named is finished', () => {
    const state = replayFull('indoor', [...score(20, 20), correction([25, 23])]);
    expect(state.sets).toEqual([
      { a: 25, b: 23, winner: 'A' },
      { a: 0, b: 0 },
    ]);
    expect(state.serving).toBe('B');
  });

  it('reopens a finished match and drops the sets after those named', () => {
    const won = [...run('B', 21), ...run('B', 21)];
    const state = replay('beach', [...won, correction([19, 21], [20, 20])]);
    expect(state.sets).toEqual([
      { a: 19, b: 21, winner: 'B' },
      { a: 20, b: 20 },
    ]);
    expect(state.winner).toBeUndefined();
    expect(replay('beach', [...won, correction([19, 21])]).sets).toEqual([
      { a: 19, b: 21, winner: 'B' },
      { a: 0, b: 0 },
    ]);
  });

  it.each([
    [
      'an unfinished set before another',
      [
        [20, 19],
        [5, 5],
      ],
    ],
    ['a set past its end', [[25, 20]]],
    ['a set past its end by deuce', [[27, 24]]],
    [
      'a set after the match was won',
      [
        [21, 0],
        [21, 0],
        [0, 0],
      ],
    ],
    ['no sets', []],
    [
      'more sets than the format has',
      [
        [21, 0],
        [0, 21],
        [15, 0],
        [0, 0],
      ],
    ],
  ])('refuses %s with INVALID_CORRECTION and changes nothing', (_label, sets) => {
    const replayer = new MatchReplayer('beach');
    score(3, 4).forEach((e) => replayer.apply(e));
    const before = replayer.fullState;
    const event = correction(...(sets as Array<[number, number]>));
    expect(refusal(() => replayer.apply(event)).code).toBe('INVALID_CORRECTION');
    expect(replayer.fullState).toEqual(before);
  });

  it('accepts deuce scores and the deciding set to 15', () => {
    const state = replay('beach', [correction([30, 28], [14, 21], [16, 14])]);
    expect(state.winner).toBe('A');
  });

  it('is taken back by undo, restoring the score before it', () => {
    const events = [...run('A', 21), ...score(10, 12)];
    const undone = replayFull('beach', [...events, correction([21, 19], [15, 21], [15, 13]), UNDO]);
    expect(undone).toEqual(replayFull('beach', events));
  });

  it('refuses malformed sets as INVALID_EVENT', () => {
    const bad = { type: 'correction', sets: [{ a: -1, b: 2 }] } as never;
    expect(refusal(() => replay('beach', [bad])).code).toBe('INVALID_EVENT');
  });
});
