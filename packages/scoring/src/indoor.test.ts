import { replay } from './index';
import { rally, run, score } from './test-helpers';

describe('indoor sets', () => {
  it('starts with one empty set, A serving, no winner', () => {
    expect(replay('indoor', [])).toEqual({
      format: 'indoor',
      sets: [{ a: 0, b: 0 }],
      setsWon: { A: 0, B: 0 },
      serving: 'A',
      rallies: 0,
    });
  });

  it('ends a set exactly at 25 with a 2-point lead and opens the next one', () => {
    const before = replay('indoor', score(24, 23));
    expect(before.sets).toEqual([{ a: 24, b: 23 }]);
    const after = replay('indoor', [...score(24, 23), rally('A')]);
    expect(after.sets).toEqual([
      { a: 25, b: 23, winner: 'A' },
      { a: 0, b: 0 },
    ]);
    expect(after.setsWon).toEqual({ A: 1, B: 0 });
    expect(after.rallies).toBe(48);
    expect(after.winner).toBeUndefined();
  });

  it('ends a one-sided set at 25-0', () => {
    expect(replay('indoor', run('B', 25)).sets).toEqual([
      { a: 0, b: 25, winner: 'B' },
      { a: 0, b: 0 },
    ]);
    expect(replay('indoor', run('B', 24)).sets).toEqual([{ a: 0, b: 24 }]);
  });

  it('does not end a set at 25-24', () => {
    const state = replay('indoor', [...score(24, 24), rally('A')]);
    expect(state.sets).toEqual([{ a: 25, b: 24 }]);
    expect(state.setsWon).toEqual({ A: 0, B: 0 });
  });

  it('continues past 24-24 with no cap and ends at 26-24', () => {
    expect(replay('indoor', score(24, 24)).sets).toEqual([{ a: 24, b: 24 }]);
    expect(replay('indoor', score(26, 24)).sets).toEqual([
      { a: 26, b: 24, winner: 'A' },
      { a: 0, b: 0 },
    ]);
    expect(replay('indoor', score(31, 33)).sets).toEqual([
      { a: 31, b: 33, winner: 'B' },
      { a: 0, b: 0 },
    ]);
    expect(replay('indoor', score(32, 32)).sets).toEqual([{ a: 32, b: 32 }]);
  });

  it('does not shorten the 4th set: 15-10 at 2-1 in sets goes on', () => {
    const events = [...run('A', 25), ...run('B', 25), ...run('A', 25), ...score(15, 10)];
    const state = replay('indoor', events);
    expect(state.sets).toHaveLength(4);
    expect(state.sets[3]).toEqual({ a: 15, b: 10 });
    expect(state.setsWon).toEqual({ A: 2, B: 1 });
  });
});

describe('indoor match', () => {
  it('is won by the first team to win 3 sets, with no new set appended', () => {
    const state = replay('indoor', [...run('A', 25), ...run('A', 25), ...score(25, 23)]);
    expect(state).toEqual({
      format: 'indoor',
      sets: [
        { a: 25, b: 0, winner: 'A' },
        { a: 25, b: 0, winner: 'A' },
        { a: 25, b: 23, winner: 'A' },
      ],
      setsWon: { A: 3, B: 0 },
      winner: 'A',
      serving: 'A',
      rallies: 98,
    });
  });

  it('is not won after 2 sets', () => {
    const state = replay('indoor', [...run('B', 25), ...run('B', 25)]);
    expect(state.winner).toBeUndefined();
    expect(state.sets).toHaveLength(3);
    expect(state.setsWon).toEqual({ A: 0, B: 2 });
  });

  it('can be won 3-1 by B', () => {
    const events = [...run('A', 25), ...run('B', 25), ...score(23, 25), ...score(26, 28)];
    const state = replay('indoor', events);
    expect(state.winner).toBe('B');
    expect(state.setsWon).toEqual({ A: 1, B: 3 });
    expect(state.sets.map((s) => s.winner)).toEqual(['A', 'B', 'B', 'B']);
  });

  const twoAll = [...run('A', 25), ...run('B', 25), ...run('A', 25), ...run('B', 25)];

  it('plays the 5th set to 15', () => {
    expect(replay('indoor', [...twoAll, ...score(14, 13)]).winner).toBeUndefined();
    const state = replay('indoor', [...twoAll, ...score(15, 13)]);
    expect(state.sets).toHaveLength(5);
    expect(state.sets[4]).toEqual({ a: 15, b: 13, winner: 'A' });
    expect(state.setsWon).toEqual({ A: 3, B: 2 });
    expect(state.winner).toBe('A');
  });

  it('continues the 5th set past 14-14 and ends it at 16-14', () => {
    expect(replay('indoor', [...twoAll, ...score(14, 14)]).sets[4]).toEqual({ a: 14, b: 14 });
    const at15 = replay('indoor', [...twoAll, ...score(14, 15)]);
    expect(at15.sets[4]).toEqual({ a: 14, b: 15 });
    expect(at15.winner).toBeUndefined();
    const state = replay('indoor', [...twoAll, ...score(14, 16)]);
    expect(state.sets[4]).toEqual({ a: 14, b: 16, winner: 'B' });
    expect(state.winner).toBe('B');
    expect(state.sets).toHaveLength(5);
  });
});
