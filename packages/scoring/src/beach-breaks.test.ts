import { replayFull } from './index';
import { timeout } from './full-test-helpers';
import { rally, run, score, UNDO } from './test-helpers';

describe('beach technical timeout', () => {
  it('is due when the scores add up to 21 in sets 1 and 2, and only then', () => {
    expect(replayFull('beach', score(10, 10)).technicalTimeoutDue).toBe(false);
    expect(replayFull('beach', score(11, 10)).technicalTimeoutDue).toBe(true);
    expect(replayFull('beach', run('B', 20)).technicalTimeoutDue).toBe(false);
    expect(replayFull('beach', [...score(11, 10), timeout('A')]).technicalTimeoutDue).toBe(true);
    expect(replayFull('beach', [...score(11, 10), rally('B')]).technicalTimeoutDue).toBe(false);
    const set2 = [...run('A', 21), ...score(9, 12)];
    expect(replayFull('beach', set2).technicalTimeoutDue).toBe(true);
  });

  it('is not due when 21 points end the set, nor in set 3', () => {
    expect(replayFull('beach', run('A', 21)).technicalTimeoutDue).toBe(false);
    const set3 = [...run('A', 21), ...run('B', 21), ...score(11, 10)];
    const state = replayFull('beach', set3);
    expect(state.set).toBe(3);
    expect(state.technicalTimeoutDue).toBe(false);
  });

  it('is due again after undoing the point after it', () => {
    expect(replayFull('beach', [...score(11, 10), rally('B'), UNDO]).technicalTimeoutDue).toBe(
      true,
    );
  });

  it('does not count as a team timeout', () => {
    expect(replayFull('beach', score(11, 10)).timeoutsLeft).toEqual({ A: 1, B: 1 });
  });
});

describe('beach side switches', () => {
  it('switch every 7 points in sets 1 and 2, flagged due right after the 7th', () => {
    const six = replayFull('beach', score(3, 3));
    expect(six).toMatchObject({ sides: { left: 'A', right: 'B' }, sideSwitchDue: false });
    const seven = replayFull('beach', [...score(3, 3), rally('B')]);
    expect(seven).toMatchObject({ sides: { left: 'B', right: 'A' }, sideSwitchDue: true });
    const eight = replayFull('beach', [...score(3, 3), rally('B'), rally('A')]);
    expect(eight).toMatchObject({ sides: { left: 'B', right: 'A' }, sideSwitchDue: false });
    const fourteen = replayFull('beach', score(7, 7));
    expect(fourteen).toMatchObject({ sides: { left: 'A', right: 'B' }, sideSwitchDue: true });
  });

  it('switch every 5 points in set 3', () => {
    const set3 = [...run('A', 21), ...run('B', 21)];
    const start = replayFull('beach', set3);
    const left = start.sides.left;
    const four = replayFull('beach', [...set3, ...score(2, 2)]);
    expect(four).toMatchObject({ sideSwitchDue: false, sides: { left } });
    const five = replayFull('beach', [...set3, ...score(2, 3)]);
    expect(five.sideSwitchDue).toBe(true);
    expect(five.sides.left).not.toBe(left);
    expect(replayFull('beach', [...set3, ...score(5, 5)]).sides.left).toBe(left);
    expect(replayFull('beach', [...set3, ...score(4, 3)]).sideSwitchDue).toBe(false);
  });

  it('are taken back with the point that caused them', () => {
    const back = replayFull('beach', [...score(3, 3), rally('B'), UNDO]);
    expect(back).toEqual(replayFull('beach', score(3, 3)));
    expect(back).toMatchObject({ sides: { left: 'A' }, sideSwitchDue: false });
  });

  it('is not due when the set ends on a multiple of 7, and set 2 starts where set 1 ended', () => {
    // 21-14 = 35 points: switches at 7, 14, 21, 28 (four: A back on the left), none at 35.
    const state = replayFull('beach', score(21, 14));
    expect(state.set).toBe(2);
    expect(state.sideSwitchDue).toBe(false);
    expect(state.setDetails[1]?.startLeft).toBe('A');
    // 21-0: switches at 7 and 14 (A on the left again), none at 21.
    expect(replayFull('beach', run('B', 21)).sides.left).toBe('A');
    // 21-1: switches at 7, 14, 21: B ends set 1 on the left and starts set 2 there.
    expect(replayFull('beach', [rally('A'), ...run('B', 21)]).sides.left).toBe('B');
  });
});
