import { replayFull } from './index';
import { rally, run, score, UNDO } from './test-helpers';

const fourSets = [...run('A', 25), ...run('B', 25), ...run('A', 25), ...run('B', 25)];

describe('indoor sides', () => {
  it('never switch within sets 1 to 4, and change after each set', () => {
    expect(replayFull('indoor', score(12, 12)).sideSwitchDue).toBe(false);
    expect(replayFull('indoor', score(12, 12)).sides).toEqual({ left: 'A', right: 'B' });
    expect(replayFull('indoor', run('A', 25)).sides.left).toBe('B');
    expect(replayFull('indoor', [...run('A', 25), ...run('A', 25)]).sides.left).toBe('A');
    expect(replayFull('indoor', [...score(8, 3)]).sideSwitchDue).toBe(false);
  });

  it('switch once in the deciding set, when the leading team reaches 8', () => {
    const start = replayFull('indoor', fourSets);
    expect(start.set).toBe(5);
    const left = start.sides.left;
    const seven = replayFull('indoor', [...fourSets, ...score(7, 7)]);
    expect(seven).toMatchObject({ sideSwitchDue: false, sides: { left } });
    const eight = replayFull('indoor', [...fourSets, ...score(7, 7), rally('B')]);
    expect(eight.sideSwitchDue).toBe(true);
    expect(eight.sides.left).not.toBe(left);
    const after = replayFull('indoor', [...fourSets, ...score(7, 7), rally('B'), rally('A')]);
    expect(after.sideSwitchDue).toBe(false);
    expect(after.sides.left).toBe(eight.sides.left);
    const later = replayFull('indoor', [...fourSets, ...score(12, 8)]);
    expect(later.sides.left).toBe(eight.sides.left);
  });

  it('is due at 8-0 and not when the trailing team reaches 8 later', () => {
    expect(replayFull('indoor', [...fourSets, ...run('A', 8)]).sideSwitchDue).toBe(true);
    const trailing = replayFull('indoor', [...fourSets, ...run('A', 9), ...run('B', 8)]);
    expect(trailing.sideSwitchDue).toBe(false);
  });

  it('is taken back when the point that reached 8 is undone', () => {
    const events = [...fourSets, ...score(7, 5), rally('A')];
    const undone = replayFull('indoor', [...events, UNDO]);
    expect(undone).toEqual(replayFull('indoor', [...fourSets, ...score(7, 5)]));
    expect(undone.sideSwitchDue).toBe(false);
  });

  it('has no technical timeout', () => {
    expect(replayFull('indoor', score(11, 10)).technicalTimeoutDue).toBe(false);
  });
});
