// Realistic, valid scorekeeping: rallies with the odd undo, for matches that stay open (a
// finished match would refuse further rallies). Checked against the real scoring rules.
import { randomUUID } from 'node:crypto';

/** A small seeded PRNG (mulberry32): the same run produces the same scripts. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `length` taps ('A' | 'B' | 'undo') for a fresh match of `format`: by default about one undo
 * in 15 taps (a corrected mistake); a rally that would end the match goes to the other team.
 */
export function tapScript(lib, format, length, random, { undoRate = 1 / 15 } = {}) {
  const replayer = new lib.MatchReplayer(format);
  const taps = [];
  while (taps.length < length) {
    if (replayer.state.rallies > 0 && taps.at(-1) !== 'undo' && random() < undoRate) {
      replayer.apply({ type: 'undo' });
      taps.push('undo');
      continue;
    }
    let winner = random() < 0.5 ? 'A' : 'B';
    if (replayer.apply({ type: 'rally', winner }).winner) {
      replayer.apply({ type: 'undo' });
      winner = winner === 'A' ? 'B' : 'A';
      replayer.apply({ type: 'rally', winner });
    }
    taps.push(winner);
  }
  return taps;
}

/** A device pushing ops: a clientId and its increasing seq, like the app's outbox. */
export class BenchDevice {
  constructor(lib) {
    this.lib = lib;
    this.clientId = randomUUID();
    this.seq = 0;
  }

  /** The wire op for one tap on `matchId`, validated with the protocol's opSchema. */
  op(matchId, tap) {
    this.seq += 1;
    const op = {
      opId: randomUUID(),
      clientId: this.clientId,
      seq: this.seq,
      matchId,
      type: tap === 'undo' ? 'undo' : 'rally',
      payload: tap === 'undo' ? {} : { winner: tap },
      clientTime: new Date().toISOString(),
    };
    return this.lib.opSchema.parse(op);
  }
}

/** Interleaves per-match tap scripts round-robin (several courts scored at the same time). */
export function interleave(scripts) {
  const out = [];
  const longest = Math.max(...scripts.map((s) => s.taps.length));
  for (let i = 0; i < longest; i += 1) {
    for (const { matchId, taps } of scripts)
      if (i < taps.length) out.push({ matchId, tap: taps[i] });
  }
  return out;
}
