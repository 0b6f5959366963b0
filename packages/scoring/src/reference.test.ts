import { MatchReplayer, ScoringError } from './index';
import type { MatchFormat, MatchState, ScoringEvent, Team } from './types';

/** Tiny seeded PRNG (mulberry32) so failures are reproducible. */
function prng(seed: number): () => number {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Naive model: recomputes the state from scratch from the rallies in effect, no undo logic. */
function model(format: MatchFormat, winners: readonly Team[]): MatchState {
  const [bestOf, points, needed] = format === 'indoor' ? [5, 25, 3] : [3, 21, 2];
  const state: MatchState = {
    format,
    sets: [{ a: 0, b: 0 }],
    setsWon: { A: 0, B: 0 },
    serving: 'A',
    rallies: winners.length,
  };
  for (const w of winners) {
    const set = state.sets[state.sets.length - 1]!;
    set[w === 'A' ? 'a' : 'b'] += 1;
    state.serving = w;
    const target = state.sets.length === bestOf ? 15 : points;
    if (Math.max(set.a, set.b) < target || Math.abs(set.a - set.b) < 2) continue;
    set.winner = w;
    state.setsWon[w] += 1;
    if (state.setsWon[w] === needed) state.winner = w;
    else {
      state.sets.push({ a: 0, b: 0 });
      state.serving = state.sets.length % 2 === 1 ? 'A' : 'B';
    }
  }
  return state;
}

/** Applies `event` and returns the refusal code, or undefined when it was accepted. */
function codeOf(replayer: MatchReplayer, event: ScoringEvent): string | undefined {
  try {
    replayer.apply(event);
    return undefined;
  } catch (error) {
    return error instanceof ScoringError ? error.code : String(error);
  }
}

describe.each<MatchFormat>(['indoor', 'beach'])('%s replayer against a naive model', (format) => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('agrees on 3000 random events (seed %i)', (seed) => {
    const random = prng(seed);
    const replayer = new MatchReplayer(format);
    const inEffect: Team[] = [];
    // Rally odds vary per seed so both long deuces and lopsided sets occur.
    const pA = 0.35 + (seed % 4) * 0.1;
    const mismatches: string[] = [];
    let refused = 0;
    let pendingUndos = 0;
    let matchesReopened = 0;
    for (let i = 0; i < 3000 && mismatches.length < 5; i += 1) {
      const before = model(format, inEffect);
      // Once the match is over, often undo a burst so the walk goes back across set boundaries
      // (single undos would only wobble around the final point, growing an endless deuce).
      if (before.winner && pendingUndos === 0 && random() < 0.5) {
        pendingUndos = 1 + Math.floor(random() * 80);
      }
      const undo = pendingUndos > 0 || random() < 0.12;
      if (pendingUndos > 0) pendingUndos -= 1;
      const winner: Team = random() < pA ? 'A' : 'B';
      const event: ScoringEvent = undo ? { type: 'undo' } : { type: 'rally', winner };
      let expectedCode: string | undefined;
      if (event.type === 'undo' && inEffect.length === 0) expectedCode = 'NOTHING_TO_UNDO';
      if (event.type === 'rally' && before.winner) expectedCode = 'MATCH_FINISHED';
      if (!expectedCode) {
        if (event.type === 'undo' && before.winner) matchesReopened += 1;
        if (event.type === 'undo') inEffect.pop();
        else inEffect.push(event.winner);
      } else refused += 1;
      const code = codeOf(replayer, event);
      const expected = JSON.stringify(model(format, inEffect));
      const actual = JSON.stringify(replayer.state);
      if (code !== expectedCode || actual !== expected) {
        mismatches.push(
          `#${i} ${JSON.stringify(event)}: ${code} ${actual} != ${expectedCode} ${expected}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
    expect(replayer.eventCount).toBe(3000 - refused);
    // Guards the generator itself: the walk must really cross match ends, not idle mid-set.
    expect(refused).toBeGreaterThan(0);
    expect(matchesReopened).toBeGreaterThan(0);
  });
});
