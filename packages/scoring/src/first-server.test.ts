import { replay, replayFull } from './index';
import { firstServer, refusal, timeout } from './full-test-helpers';
import { rally, run, UNDO } from './test-helpers';

describe('first server of a set', () => {
  it('records the toss before set 1: who serves and who starts on the left', () => {
    const state = replayFull('indoor', [firstServer('B', 'B')]);
    expect(state.serving).toBe('B');
    expect(state.sides).toEqual({ left: 'B', right: 'A' });
    expect(state.setDetails[0]).toMatchObject({ firstServer: 'B', startLeft: 'B' });
  });

  it('alternates from the recorded first server in the next sets', () => {
    expect(replay('indoor', [firstServer('B'), ...run('A', 25)]).serving).toBe('A');
    expect(replay('indoor', [firstServer('B'), ...run('A', 25), ...run('A', 25)]).serving).toBe(
      'B',
    );
  });

  it('records the new toss of the deciding set', () => {
    const four = [...run('A', 25), ...run('B', 25), ...run('A', 25), ...run('B', 25)];
    expect(replay('indoor', four).serving).toBe('A');
    const toss = replayFull('indoor', [...four, firstServer('B', 'A')]);
    expect(toss).toMatchObject({ set: 5, serving: 'B', sides: { left: 'A' } });
    expect(replay('indoor', [...four, firstServer('B'), rally('A')]).serving).toBe('A');
  });

  it('records the beach set-2 choice', () => {
    const state = replayFull('beach', [...run('A', 21), firstServer('A', 'B')]);
    expect(state).toMatchObject({ set: 2, serving: 'A', sides: { left: 'B', right: 'A' } });
  });

  it('is allowed after a timeout at 0-0 but refused once the set has a point', () => {
    expect(replay('beach', [timeout('A'), firstServer('B')]).serving).toBe('B');
    expect(refusal(() => replay('beach', [rally('A'), firstServer('B')]))).toMatchObject({
      code: 'SET_ALREADY_STARTED',
      index: 1,
      message: 'Set 1 has started (1-0): its first server is chosen before its first point only',
    });
  });

  it('is taken back by undo', () => {
    expect(replayFull('indoor', [firstServer('B', 'B'), UNDO])).toEqual(replayFull('indoor', []));
  });
});
