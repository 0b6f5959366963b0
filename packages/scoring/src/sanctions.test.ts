import { replay, replayFull } from './index';
import { refusal, sanction } from './full-test-helpers';
import { run, score, UNDO } from './test-helpers';

describe('sanctions', () => {
  it('records a warning without touching the score', () => {
    const state = replayFull('indoor', [...score(3, 2), sanction('B', 'warning', 7)]);
    expect(state.sets).toEqual([{ a: 3, b: 2 }]);
    expect(state.serving).toBe('A');
    expect(state.sanctions).toEqual([
      { team: 'B', sanction: 'warning', player: 7, set: 1, at: { a: 3, b: 2 } },
    ]);
  });

  it('refuses a second warning to the same member (or team) with WARNING_ALREADY_GIVEN', () => {
    const events = [sanction('B', 'warning', 7), ...run('A', 25)];
    expect(
      refusal(() => replayFull('indoor', [...events, sanction('B', 'warning', 7)])),
    ).toMatchObject({
      code: 'WARNING_ALREADY_GIVEN',
      index: 26,
      message:
        'player 7 of team B already has a warning in this match: a repeated offence is ' +
        'sanctioned with at least a penalty',
    });
    const others = [...events, sanction('B', 'warning', 8), sanction('A', 'warning', 7)];
    expect(replayFull('indoor', others).sanctions).toHaveLength(3);
    const delay = [sanction('A', 'warning'), sanction('A', 'penalty')];
    expect(replayFull('beach', delay).sanctions).toHaveLength(2);
    expect(refusal(() => replayFull('beach', [...delay, sanction('A', 'warning')])).code).toBe(
      'WARNING_ALREADY_GIVEN',
    );
  });

  it('gives a point and the serve to the opponent for a penalty', () => {
    const state = replayFull('beach', [...score(5, 3), sanction('A', 'penalty', 1)]);
    expect(state.sets).toEqual([{ a: 5, b: 4 }]);
    expect(state.serving).toBe('B');
    expect(state.rallies).toBe(8);
    expect(state.sanctions[0]).toMatchObject({ sanction: 'penalty', at: { a: 5, b: 3 } });
  });

  it('can end the set and the match with a penalty point, and undo reopens both', () => {
    const set = [...score(24, 20), sanction('B', 'penalty')];
    expect(replay('indoor', set).sets[0]).toEqual({ a: 25, b: 20, winner: 'A' });
    const match = [...run('A', 21), ...score(20, 18), sanction('B', 'penalty')];
    expect(replay('beach', match).winner).toBe('A');
    expect(refusal(() => replay('beach', [...match, sanction('B', 'penalty')])).code).toBe(
      'MATCH_FINISHED',
    );
    expect(replayFull('beach', [...match, UNDO])).toEqual(
      replayFull('beach', [...run('A', 21), ...score(20, 18)]),
    );
  });

  it('expels or disqualifies an indoor player without changing the score', () => {
    const events = [
      ...score(4, 4),
      sanction('A', 'expulsion', 3),
      sanction('B', 'disqualification', 5),
    ];
    const state = replayFull('indoor', events);
    expect(state.sets).toEqual([{ a: 4, b: 4 }]);
    expect(state.sanctions.map((s) => s.sanction)).toEqual(['expulsion', 'disqualification']);
  });

  it('loses a beach team the set on an expulsion (it keeps its points)', () => {
    const state = replayFull('beach', [...score(15, 12), sanction('A', 'expulsion', 2)]);
    expect(state.sets).toEqual([
      { a: 15, b: 21, winner: 'B' },
      { a: 0, b: 0 },
    ]);
    const close = replayFull('beach', [...score(20, 19), sanction('A', 'expulsion', 2)]);
    expect(close.sets[0]).toEqual({ a: 20, b: 22, winner: 'B' });
    expect(replayFull('beach', [...score(20, 19), sanction('A', 'expulsion', 2), UNDO])).toEqual(
      replayFull('beach', score(20, 19)),
    );
  });

  it('loses a beach team the match on a disqualification', () => {
    const state = replayFull('beach', [
      ...run('A', 21),
      ...score(3, 9),
      sanction('A', 'disqualification', 1),
    ]);
    expect(state.sets).toEqual([
      { a: 21, b: 0, winner: 'A' },
      { a: 3, b: 21, winner: 'B' },
      { a: 0, b: 15, winner: 'B' },
    ]);
    expect(state.winner).toBe('B');
    expect(state.setsWon).toEqual({ A: 1, B: 2 });
  });
});
