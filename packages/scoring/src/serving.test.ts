import { MatchReplayer, replay } from './index';
import { rally, run } from './test-helpers';

describe('serving', () => {
  it('follows the rally winner within a set', () => {
    const replayer = new MatchReplayer('indoor');
    expect(replayer.state.serving).toBe('A');
    expect(replayer.apply(rally('B')).serving).toBe('B');
    expect(replayer.apply(rally('B')).serving).toBe('B');
    expect(replayer.apply(rally('A')).serving).toBe('A');
    expect(replayer.apply(rally('B')).serving).toBe('B');
  });

  it('alternates the first server at each indoor set start, whoever won the set', () => {
    // Set winners A, A, B, B: neither "set winner serves" nor "set loser serves" fits them all.
    const afterSet1 = run('A', 25);
    const afterSet2 = [...afterSet1, ...run('A', 25)];
    const afterSet3 = [...afterSet2, ...run('B', 25)];
    const afterSet4 = [...afterSet3, ...run('B', 25)];
    expect(replay('indoor', afterSet1).serving).toBe('B');
    expect(replay('indoor', afterSet2).serving).toBe('A');
    expect(replay('indoor', afterSet3).serving).toBe('B');
    const fifth = replay('indoor', afterSet4);
    expect(fifth.sets).toHaveLength(5);
    expect(fifth.serving).toBe('A');
  });

  it('alternates the first server at each beach set start', () => {
    expect(replay('beach', run('A', 21)).serving).toBe('B');
    expect(replay('beach', [...run('B', 21), ...run('A', 21)]).serving).toBe('A');
  });

  it('goes back to the rally winner after the first rally of a new set', () => {
    expect(replay('indoor', [...run('A', 25), rally('A')]).serving).toBe('A');
    expect(replay('indoor', [...run('B', 25), rally('B')]).serving).toBe('B');
  });

  it('stays with the winner of the match-winning rally', () => {
    expect(replay('beach', [...run('B', 21), ...run('B', 21)]).serving).toBe('B');
  });
});
