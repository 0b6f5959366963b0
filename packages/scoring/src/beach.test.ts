import { replay } from './index';
import { rally, run, score } from './test-helpers';

describe('beach sets', () => {
  it('starts with one empty set, A serving, no winner', () => {
    expect(replay('beach', [])).toEqual({
      format: 'beach',
      sets: [{ a: 0, b: 0 }],
      setsWon: { A: 0, B: 0 },
      serving: 'A',
      rallies: 0,
    });
  });

  it('ends a set exactly at 21 with a 2-point lead', () => {
    expect(replay('beach', score(19, 20)).sets).toEqual([{ a: 19, b: 20 }]);
    const state = replay('beach', score(19, 21));
    expect(state.sets).toEqual([
      { a: 19, b: 21, winner: 'B' },
      { a: 0, b: 0 },
    ]);
    expect(state.setsWon).toEqual({ A: 0, B: 1 });
    expect(replay('beach', run('A', 20)).sets).toEqual([{ a: 20, b: 0 }]);
    expect(replay('beach', run('A', 21)).sets[0]).toEqual({ a: 21, b: 0, winner: 'A' });
  });

  it('does not end a set at 21-20 and ends it at 22-20', () => {
    expect(replay('beach', score(20, 20)).sets).toEqual([{ a: 20, b: 20 }]);
    expect(replay('beach', [...score(20, 20), rally('A')]).sets).toEqual([{ a: 21, b: 20 }]);
    expect(replay('beach', score(22, 20)).sets).toEqual([
      { a: 22, b: 20, winner: 'A' },
      { a: 0, b: 0 },
    ]);
  });

  it('does not shorten the 2nd set: 15-10 at 1-0 in sets goes on', () => {
    const state = replay('beach', [...run('A', 21), ...score(15, 10)]);
    expect(state.sets).toEqual([
      { a: 21, b: 0, winner: 'A' },
      { a: 15, b: 10 },
    ]);
  });
});

describe('beach match', () => {
  it('is won by the first team to win 2 sets, with no new set appended', () => {
    const state = replay('beach', [...score(21, 19), ...score(23, 21)]);
    expect(state).toEqual({
      format: 'beach',
      sets: [
        { a: 21, b: 19, winner: 'A' },
        { a: 23, b: 21, winner: 'A' },
      ],
      setsWon: { A: 2, B: 0 },
      winner: 'A',
      serving: 'A',
      rallies: 84,
    });
  });

  const oneAll = [...run('A', 21), ...run('B', 21)];

  it('plays the 3rd set to 15', () => {
    expect(replay('beach', oneAll).sets).toHaveLength(3);
    expect(replay('beach', [...oneAll, ...score(13, 14)]).winner).toBeUndefined();
    const state = replay('beach', [...oneAll, ...score(13, 15)]);
    expect(state.sets[2]).toEqual({ a: 13, b: 15, winner: 'B' });
    expect(state.setsWon).toEqual({ A: 1, B: 2 });
    expect(state.winner).toBe('B');
    expect(state.sets).toHaveLength(3);
  });

  it('continues the 3rd set past 14-14 and ends it at 16-14', () => {
    expect(replay('beach', [...oneAll, ...score(14, 14)]).sets[2]).toEqual({ a: 14, b: 14 });
    expect(replay('beach', [...oneAll, ...score(15, 14)]).winner).toBeUndefined();
    const state = replay('beach', [...oneAll, ...score(16, 14)]);
    expect(state.sets[2]).toEqual({ a: 16, b: 14, winner: 'A' });
    expect(state.winner).toBe('A');
  });
});
