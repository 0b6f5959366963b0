import { replayFull, ScoringError } from '@courtsync/scoring';
import { EffectiveLog, effectiveState, type LoggedAction } from './effective-log';

let n = 0;
const id = () => `01JD${String((n += 1)).padStart(22, '0')}`;
const rally = (winner: 'A' | 'B', opId = id()): LoggedAction => ({
  opId,
  type: 'rally',
  payload: { winner },
});
const undo = (target?: string): LoggedAction => ({
  opId: id(),
  type: 'undo',
  payload: target ? { target } : {},
});

describe('EffectiveLog', () => {
  it('replays rallies and positional undos exactly like replay()', () => {
    const actions = [rally('A'), rally('B'), undo(), rally('A'), undo(), undo(), rally('B')];
    expect(effectiveState('beach', actions)).toEqual(
      replayFull('beach', [
        { type: 'rally', winner: 'A' },
        { type: 'rally', winner: 'B' },
        { type: 'undo' },
        { type: 'rally', winner: 'A' },
        { type: 'undo' },
        { type: 'undo' },
        { type: 'rally', winner: 'B' },
      ]),
    );
  });

  it('takes back exactly the named action, wherever it stands, and says the score moved', () => {
    const log = new EffectiveLog('beach');
    const mine = rally('A');
    const theirs = rally('B');
    log.apply(mine);
    log.apply(theirs);
    expect(log.apply(undo(mine.opId))).toEqual({ kind: 'applied', moved: 1 });
    expect(log.actionIds).toEqual([theirs.opId]);
    expect(log.state.sets[0]).toEqual({ a: 0, b: 1 });
    expect(log.state.serving).toBe('B');
  });

  it('answers an undo of an action already undone as a duplicate', () => {
    const log = new EffectiveLog('indoor');
    const r = rally('A');
    log.apply(r);
    log.apply(undo(r.opId));
    expect(log.apply(undo(r.opId))).toEqual({ kind: 'duplicate' });
    expect(log.state.rallies).toBe(0);
  });

  it('refuses an undo of an unknown action and a rally after the match, unchanged', () => {
    const log = new EffectiveLog('beach');
    expect(() => log.apply(undo('01JDXXXXXXXXXXXXXXXXXXXXXX'))).toThrow(ScoringError);
    expect(() => log.apply(undo())).toThrow(ScoringError);
    for (let i = 0; i < 42; i += 1) log.apply(rally('A'));
    expect(log.state.winner).toBe('A');
    expect(() => log.apply(rally('B'))).toThrow(ScoringError);
    expect(log.state.rallies).toBe(42);
  });

  it('voids a later rally the rules refuse once an earlier undo ends the match sooner', () => {
    const log = new EffectiveLog('beach');
    for (let i = 0; i < 21; i += 1) log.apply(rally('A')); // set 1: 21-0
    const earlyB = rally('B');
    log.apply(earlyB);
    for (let i = 0; i < 18; i += 1) log.apply(rally('B'));
    for (let i = 0; i < 20; i += 1) log.apply(rally('A')); // set 2: 20-19
    for (const w of ['B', 'A', 'A'] as const) log.apply(rally(w)); // 20-20, 21-20, 22-20
    expect(log.state.winner).toBe('A');
    expect(log.state.rallies).toBe(63);
    // Without B's early point, A wins set 2 at 21-19: the last A rally no longer counts.
    expect(log.apply(undo(earlyB.opId))).toEqual({ kind: 'applied', moved: 41 });
    expect(log.actionIds).toHaveLength(62);
    expect(log.state.rallies).toBe(61);
    expect(log.state.sets[1]).toEqual({ a: 21, b: 19, winner: 'A' });
  });

  it('builds the same state from the same actions on every device', () => {
    const a = rally('A');
    const b = rally('B');
    const actions = [a, b, rally('A'), undo(a.opId), rally('B'), undo(b.opId)];
    expect(EffectiveLog.of('indoor', actions).state).toEqual(
      EffectiveLog.of('indoor', [...actions]).state,
    );
    expect(EffectiveLog.of('indoor', actions).state.sets[0]).toEqual({ a: 1, b: 1 });
  });
});
