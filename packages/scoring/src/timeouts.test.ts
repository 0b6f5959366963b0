import { MatchReplayer, replayFull } from './index';
import { refusal, timeout } from './full-test-helpers';
import { rally, run, score, UNDO } from './test-helpers';

describe('timeouts', () => {
  it('gives indoor teams 2 per set and refuses a third with TIMEOUTS_EXHAUSTED', () => {
    const events = [rally('A'), timeout('B'), rally('A'), timeout('B'), timeout('A')];
    const state = replayFull('indoor', events);
    expect(state.timeoutsLeft).toEqual({ A: 1, B: 0 });
    expect(state.setDetails[0]?.timeouts).toEqual([
      { team: 'B', at: { a: 1, b: 0 } },
      { team: 'B', at: { a: 2, b: 0 } },
      { team: 'A', at: { a: 2, b: 0 } },
    ]);
    const error = refusal(() => replayFull('indoor', [...events, timeout('B')]));
    expect(error).toMatchObject({ code: 'TIMEOUTS_EXHAUSTED', index: 5 });
    expect(error.message).toBe(
      'Team B has taken its 2 timeouts of set 1 (indoor: 2 per team per set)',
    );
  });

  it('gives beach teams 1 per set', () => {
    expect(replayFull('beach', []).timeoutsLeft).toEqual({ A: 1, B: 1 });
    expect(replayFull('beach', [timeout('A')]).timeoutsLeft).toEqual({ A: 0, B: 1 });
    expect(
      refusal(() => replayFull('beach', [timeout('A'), rally('B'), timeout('A')])),
    ).toMatchObject({
      code: 'TIMEOUTS_EXHAUSTED',
      message: 'Team A has taken its 1 timeout of set 1 (beach: 1 per team per set)',
    });
  });

  it('starts every set with a fresh allowance and keeps each set’s timeouts for the scoresheet', () => {
    const state = replayFull('beach', [timeout('A'), timeout('B'), ...run('A', 21), timeout('A')]);
    expect(state.set).toBe(2);
    expect(state.timeoutsLeft).toEqual({ A: 0, B: 1 });
    expect(state.setDetails.map((s) => s.timeouts.length)).toEqual([2, 1]);
  });

  it('is refused after the match, leaving the replayer unchanged', () => {
    const replayer = new MatchReplayer('beach');
    [...run('B', 21), ...run('B', 21)].forEach((e) => replayer.apply(e));
    const before = replayer.fullState;
    expect(refusal(() => replayer.apply(timeout('A')))).toMatchObject({
      code: 'MATCH_FINISHED',
      message: 'Match is over: B won 2-0; no more timeouts can be recorded',
    });
    expect(replayer.fullState).toEqual(before);
    expect(replayer.eventCount).toBe(42);
  });

  it('is taken back by undo, which then undoes the rally before it', () => {
    const events = [...score(3, 2), timeout('A')];
    expect(replayFull('indoor', [...events, UNDO])).toEqual(replayFull('indoor', score(3, 2)));
    const twice = replayFull('indoor', [...events, UNDO, UNDO]);
    expect(twice.sets[0]).toEqual({ a: 2, b: 2 });
    expect(twice.actions).toBe(4);
  });

  it('comes back when the set-ending rally after a new set’s timeout is undone', () => {
    const events = [timeout('A'), ...run('A', 25), timeout('A'), timeout('A')];
    expect(replayFull('indoor', events).timeoutsLeft).toEqual({ A: 0, B: 2 });
    const back = replayFull('indoor', [...events, UNDO, UNDO, UNDO]);
    expect(back.set).toBe(1);
    expect(back.timeoutsLeft).toEqual({ A: 1, B: 2 });
    expect(back.sets).toEqual([{ a: 24, b: 0 }]);
  });
});
