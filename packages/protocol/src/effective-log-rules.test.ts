import { replayFull, ScoringError } from '@courtsync/scoring';
import { EffectiveLog, scoringEvent, type LoggedAction } from './effective-log';

let n = 0;
const id = () => `01JE${String((n += 1)).padStart(22, '0')}`;
const act = (type: LoggedAction['type'], payload: Record<string, unknown>): LoggedAction => ({
  opId: id(),
  type,
  payload,
});
const rally = (winner: 'A' | 'B') => act('rally', { winner });

describe('EffectiveLog with the full rules', () => {
  it('turns a logged action into its scoring event (type and payload fields)', () => {
    const action = act('substitution', { team: 'A', playerOut: 4, playerIn: 14 });
    expect(scoringEvent(action)).toEqual({
      type: 'substitution',
      team: 'A',
      playerOut: 4,
      playerIn: 14,
    });
    expect(scoringEvent(act('timeout', { team: 'B', type: 'rally' })).type).toBe('timeout');
  });

  it('undoes a timeout in the middle of the log and gives it back to the team', () => {
    const timeout = act('timeout', { team: 'A' });
    const log = EffectiveLog.of('beach', [rally('A'), timeout, rally('B'), rally('B')]);
    expect(log.state.timeoutsLeft).toEqual({ A: 0, B: 1 });
    expect(log.apply(act('undo', { target: timeout.opId }))).toEqual({ kind: 'applied', moved: 2 });
    expect(log.state.timeoutsLeft).toEqual({ A: 1, B: 1 });
    expect(log.state.sets).toEqual([{ a: 1, b: 2 }]);
    // Taken back, it can be taken again.
    log.apply(act('timeout', { team: 'A' }));
    expect(log.state.timeoutsLeft?.A).toBe(0);
  });

  it('refuses a rule-breaking action with the rule’s code and keeps the log as it was', () => {
    const log = EffectiveLog.of('indoor', [
      act('timeout', { team: 'B' }),
      act('timeout', { team: 'B' }),
    ]);
    const before = log.state;
    let caught: unknown;
    try {
      log.apply(act('timeout', { team: 'B' }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScoringError);
    expect(caught).toMatchObject({ code: 'TIMEOUTS_EXHAUSTED' });
    expect(log.state).toEqual(before);
    expect(log.actionIds).toHaveLength(2);
  });

  it('positional undo (old clients) takes back the last action, whatever its type', () => {
    const actions = [
      rally('A'),
      act('sanction', { team: 'A', sanction: 'penalty' }),
      act('undo', {}),
    ];
    expect(EffectiveLog.of('beach', actions).state).toEqual(
      replayFull('beach', [{ type: 'rally', winner: 'A' }]),
    );
  });

  it('voids a stored timeout the rules refuse after an earlier undo, on every device alike', () => {
    // A's timeout in set 2 would be its second of set 1 once the set-ending rally is undone.
    const setEnd = rally('A');
    const start = Array.from({ length: 20 }, () => rally('A'));
    const actions = [
      ...start,
      act('timeout', { team: 'A' }),
      setEnd,
      act('timeout', { team: 'A' }),
    ];
    const log = EffectiveLog.of('beach', actions);
    expect(log.state.set).toBe(2);
    log.apply(act('undo', { target: setEnd.opId }));
    expect(log.state.set).toBe(1);
    expect(log.state.timeoutsLeft?.A).toBe(0);
    expect(log.state.setDetails[0]?.timeouts).toHaveLength(1);
    expect(log.actionIds).toHaveLength(22);
  });
});
