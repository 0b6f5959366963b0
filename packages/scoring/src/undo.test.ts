import { MatchReplayer, replay, ScoringError } from './index';
import { rally, run, score, UNDO } from './test-helpers';

describe('undo', () => {
  it('removes the last rally and gives the serve back', () => {
    const state = replay('indoor', [rally('A'), rally('B'), UNDO]);
    expect(state).toEqual({
      format: 'indoor',
      sets: [{ a: 1, b: 0 }],
      setsWon: { A: 0, B: 0 },
      serving: 'A',
      rallies: 1,
    });
  });

  it('undoes several rallies when repeated', () => {
    const events = [rally('B'), rally('A'), rally('A'), rally('B'), UNDO, UNDO, UNDO];
    const state = replay('indoor', events);
    expect(state.sets).toEqual([{ a: 0, b: 1 }]);
    expect(state.serving).toBe('B');
    expect(state.rallies).toBe(1);
    expect(replay('indoor', [...events, UNDO])).toEqual(replay('indoor', []));
  });

  it('undoes the rally in effect, not an undone one, after new rallies', () => {
    const state = replay('beach', [rally('A'), rally('B'), UNDO, rally('B'), rally('B'), UNDO]);
    expect(state.sets).toEqual([{ a: 1, b: 1 }]);
    expect(state.serving).toBe('B');
    expect(state.rallies).toBe(2);
  });

  it('reopens a set when the set-winning rally is undone', () => {
    // 24-23 was reached on A's point, so A served the set point; set 2 would open with B.
    const closed = replay('indoor', score(25, 23));
    expect(closed.serving).toBe('B');
    const reopened = replay('indoor', [...score(25, 23), UNDO]);
    expect(reopened).toEqual({
      format: 'indoor',
      sets: [{ a: 24, b: 23 }],
      setsWon: { A: 0, B: 0 },
      serving: 'A',
      rallies: 47,
    });
    expect(reopened.sets[0]).not.toHaveProperty('winner');
  });

  it('walks back across a set boundary and lets the set be won by the other team', () => {
    const events = [...score(20, 21), rally('B'), rally('A'), rally('B'), UNDO, UNDO, UNDO];
    const state = replay('beach', events);
    expect(state.sets).toEqual([{ a: 20, b: 21 }]);
    expect(state.serving).toBe('B');
    const corrected = replay('beach', [...events, rally('A'), rally('A'), rally('A')]);
    expect(corrected.sets).toEqual([
      { a: 23, b: 21, winner: 'A' },
      { a: 0, b: 0 },
    ]);
    expect(corrected.setsWon).toEqual({ A: 1, B: 0 });
  });

  it('reopens the match when the match-winning rally is undone, and play continues', () => {
    const won = [...run('A', 21), ...score(19, 21), ...score(14, 15), rally('B')];
    expect(replay('beach', won).winner).toBe('B');
    const reopened = replay('beach', [...won, UNDO]);
    expect(reopened).toEqual({
      format: 'beach',
      sets: [
        { a: 21, b: 0, winner: 'A' },
        { a: 19, b: 21, winner: 'B' },
        { a: 14, b: 15 },
      ],
      setsWon: { A: 1, B: 1 },
      serving: 'B',
      rallies: 21 + 40 + 29,
    });
    const continued = replay('beach', [...won, UNDO, rally('A'), rally('A'), rally('A')]);
    expect(continued.sets[2]).toEqual({ a: 17, b: 15, winner: 'A' });
    expect(continued.winner).toBe('A');
  });

  it('undoes back through the match end and into the previous set', () => {
    const events = [...run('A', 25), ...run('A', 25), ...run('A', 25)];
    const replayer = new MatchReplayer('indoor');
    events.forEach((event) => replayer.apply(event));
    expect(replayer.state.winner).toBe('A');
    for (let i = 0; i < 26; i += 1) replayer.apply(UNDO);
    expect(replayer.state).toEqual({
      format: 'indoor',
      sets: [
        { a: 25, b: 0, winner: 'A' },
        { a: 24, b: 0 },
      ],
      setsWon: { A: 1, B: 0 },
      serving: 'A',
      rallies: 49,
    });
  });

  it('refuses NOTHING_TO_UNDO on an empty match', () => {
    const replayer = new MatchReplayer('indoor');
    expect(() => replayer.apply(UNDO)).toThrow(
      expect.objectContaining({ code: 'NOTHING_TO_UNDO', index: -1 }),
    );
    expect(replayer.state).toEqual(replay('indoor', []));
    expect(replayer.eventCount).toBe(0);
  });

  it('refuses NOTHING_TO_UNDO once every rally is undone, with the event index', () => {
    let caught: unknown;
    try {
      replay('beach', [rally('A'), rally('B'), UNDO, UNDO, UNDO, rally('A')]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScoringError);
    expect(caught).toMatchObject({ code: 'NOTHING_TO_UNDO', index: 4 });
  });
});
