import fc from 'fast-check';
import { MatchReplayer, replay, replayFull, ScoringError } from './index';
import type { MatchFormat, Sanction, ScoringEvent, Team } from './types';

const team = fc.constantFrom<Team>('A', 'B');
const sanctionKind = fc.constantFrom<Sanction>(
  'warning',
  'warning',
  'penalty',
  'expulsion',
  'disqualification',
);

/** What the generator wants next; turned into legal events by `legalEvents`. */
const intent = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.record({ k: fc.constant('rally'), team, n: fc.integer({ min: 1, max: 10 }) }),
  },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('undo') }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('timeout'), team }) },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('substitution'),
      team,
      out: fc.integer({ min: 1, max: 9 }),
      in: fc.integer({ min: 1, max: 9 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('sanction'),
      team,
      kind: sanctionKind,
      player: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('first-server'),
      team,
      left: fc.option(team, { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('correction'),
      da: fc.integer({ min: 0, max: 3 }),
      db: fc.integer({ min: 0, max: 3 }),
    }),
  },
);
type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

/** The events an intent asks for, given the match so far. */
function candidates(wish: Intent, replayer: MatchReplayer): ScoringEvent[] {
  switch (wish.k) {
    case 'rally':
      return Array.from({ length: wish.n }, () => ({ type: 'rally', winner: wish.team }));
    case 'undo':
      return [{ type: 'undo' }];
    case 'timeout':
      return [{ type: 'timeout', team: wish.team }];
    case 'substitution':
      return [{ type: 'substitution', team: wish.team, playerOut: wish.out, playerIn: wish.in }];
    case 'sanction':
      return [{ type: 'sanction', team: wish.team, sanction: wish.kind, player: wish.player }];
    case 'first-server':
      return [{ type: 'first-server', team: wish.team, left: wish.left }];
    case 'correction': {
      const sets = replayer.state.sets.map(({ a, b }) => ({ a, b }));
      const last = sets[sets.length - 1]!;
      sets[sets.length - 1] = {
        a: Math.max(0, last.a - wish.da),
        b: Math.max(0, last.b - wish.db),
      };
      return [{ type: 'correction', sets }];
    }
  }
}

/** Keeps the events of the intents that the rules accept: a legal event list. */
function legalEvents(format: MatchFormat, wishes: Intent[]): ScoringEvent[] {
  const replayer = new MatchReplayer(format);
  const events: ScoringEvent[] = [];
  for (const wish of wishes) {
    for (const event of candidates(wish, replayer)) {
      // Drop optional fields left undefined so events look like what the wire carries.
      const clean = JSON.parse(JSON.stringify(event)) as ScoringEvent;
      try {
        replayer.apply(clean);
        events.push(clean);
      } catch (error) {
        if (!(error instanceof ScoringError)) throw error;
      }
    }
  }
  return events;
}

/** The actions in effect after `events` (each undo takes back the last one), oldest first. */
function actionsInEffect(events: ScoringEvent[]): ScoringEvent[] {
  const stack: ScoringEvent[] = [];
  for (const event of events) {
    if (event.type === 'undo') stack.pop();
    else stack.push(event);
  }
  return stack;
}

const UNDO: ScoringEvent = { type: 'undo' };

describe.each<MatchFormat>(['indoor', 'beach'])('undo of the last k actions (%s)', (format) => {
  it('equals replaying the events without their last k actions', () => {
    fc.assert(
      fc.property(fc.array(intent, { maxLength: 200, size: 'max' }), fc.nat(), (wishes, pick) => {
        const events = legalEvents(format, wishes);
        const effect = actionsInEffect(events);
        const k = pick % (effect.length + 1);
        const undos = Array.from({ length: k }, () => UNDO);
        const kept = effect.slice(0, effect.length - k);
        expect(replayFull(format, [...events, ...undos])).toEqual(replayFull(format, kept));
        expect(replay(format, [...events, ...undos])).toEqual(replay(format, kept));
        expect(replayFull(format, kept).actions).toBe(kept.length);
      }),
      { numRuns: 150 },
    );
  });

  it('reaches set ends, side switches and every kind of action in its samples', () => {
    // Guards the property above against a generator that never gets anywhere interesting.
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(intent, { maxLength: 200, size: 'max' }), (wishes) => {
        const events = legalEvents(format, wishes);
        events.forEach((e) => seen.add(e.type));
        const state = replayFull(format, events);
        if (state.set > 1) seen.add('set-end');
        if (state.winner) seen.add('match-end');
        if (state.sides.left !== state.setDetails[state.set - 1]?.startLeft) seen.add('switched');
      }),
      { numRuns: 150, seed: 42 },
    );
    const expected = [
      'rally',
      'undo',
      'timeout',
      'sanction',
      'first-server',
      'correction',
      'set-end',
      'match-end',
    ];
    expected.push(format === 'indoor' ? 'substitution' : 'switched');
    expect([...seen].sort()).toEqual(expect.arrayContaining(expected.sort()));
  });
});
