import { MatchReplayer, replay, ScoringError, type ScoringEvent } from './index';
import { rally, run, score, UNDO } from './test-helpers';

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
function thrown(fn: () => unknown): ScoringError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ScoringError);
    return error as ScoringError;
  }
  throw new Error('expected a ScoringError to be thrown');
}

const indoorWonByA31 = [...run('A', 25), ...run('B', 25), ...run('A', 25), ...score(25, 20)];

describe('MATCH_FINISHED', () => {
  it('refuses a rally after the match is won, with the event index and a readable message', () => {
    const error = thrown(() => replay('indoor', [...indoorWonByA31, rally('B'), rally('A')]));
    expect(error.code).toBe('MATCH_FINISHED');
    expect(error.index).toBe(120);
    expect(error.message).toBe('Match is over: A won 3-1; no more rallies can be recorded');
    expect(error.name).toBe('ScoringError');
    expect(error).toBeInstanceOf(Error);
  });

  it('states the score from the winner side when B wins', () => {
    const error = thrown(() => replay('beach', [...run('B', 21), ...run('B', 21), rally('A')]));
    expect(error.index).toBe(42);
    expect(error.message).toBe('Match is over: B won 2-0; no more rallies can be recorded');
  });

  it('uses index -1 when applied one by one and leaves the replayer usable', () => {
    const replayer = new MatchReplayer('beach');
    [...run('B', 21), ...run('B', 21)].forEach((event) => replayer.apply(event));
    const before = replayer.state;
    const error = thrown(() => replayer.apply(rally('A')));
    expect(error).toMatchObject({ code: 'MATCH_FINISHED', index: -1 });
    expect(replayer.state).toEqual(before);
    expect(replayer.eventCount).toBe(42);
    expect(replayer.apply(UNDO).sets[1]).toEqual({ a: 0, b: 20 });
  });
});

describe('INVALID_EVENT', () => {
  const bad: unknown[] = [
    null,
    undefined,
    'rally',
    42,
    {},
    { type: 'point', winner: 'A' },
    { type: 'rally' },
    { type: 'rally', winner: 'C' },
    { type: 'rally', winner: 'a' },
    { type: 'rally', winner: 1 },
  ];

  it.each(bad.map((event) => [JSON.stringify(event) ?? 'undefined', event]))(
    'refuses %s and leaves the replayer unchanged',
    (_label, event) => {
      const replayer = new MatchReplayer('indoor');
      replayer.apply(rally('B'));
      const before = replayer.state;
      const error = thrown(() => replayer.apply(event as ScoringEvent));
      expect(error).toMatchObject({ code: 'INVALID_EVENT', index: -1 });
      expect(replayer.state).toEqual(before);
      expect(replayer.eventCount).toBe(1);
    },
  );

  it('reports the index of the bad event in replay and names it in the message', () => {
    const events = [rally('A'), UNDO, rally('B'), { type: 'rally', winner: 'C' }] as ScoringEvent[];
    const error = thrown(() => replay('indoor', events));
    expect(error).toMatchObject({ code: 'INVALID_EVENT', index: 3 });
    expect(error.message).toContain('{"type":"rally","winner":"C"}');
  });

  it('refuses a hole in a sparse event list rather than skipping it', () => {
    const events: ScoringEvent[] = [rally('A')];
    events[2] = rally('B');
    expect(thrown(() => replay('indoor', events))).toMatchObject({
      code: 'INVALID_EVENT',
      index: 1,
    });
  });

  it('refuses an unknown format', () => {
    expect(() => new MatchReplayer('grass' as 'beach')).toThrow(TypeError);
  });
});

describe('state isolation', () => {
  it('does not let callers mutate the replayer through `state` or `apply` results', () => {
    const replayer = new MatchReplayer('beach');
    run('A', 21).forEach((event) => replayer.apply(event));
    const returned = replayer.apply(rally('B'));
    const read = replayer.state;
    for (const state of [returned, read]) {
      state.sets[0]!.a = 99;
      delete state.sets[0]!.winner;
      state.sets.push({ a: 7, b: 7 });
      state.setsWon.A = 5;
      state.serving = 'A';
      state.rallies = 0;
      state.winner = 'A';
    }
    expect(replayer.state).toEqual({
      format: 'beach',
      sets: [
        { a: 21, b: 0, winner: 'A' },
        { a: 0, b: 1 },
      ],
      setsWon: { A: 1, B: 0 },
      serving: 'B',
      rallies: 22,
    });
    expect(replayer.apply(rally('B')).sets[1]).toEqual({ a: 0, b: 2 });
  });

  it('does not mutate the events given to replay', () => {
    const events = [rally('A'), UNDO];
    const copy = JSON.parse(JSON.stringify(events)) as ScoringEvent[];
    replay('indoor', events);
    expect(events).toEqual(copy);
  });
});
