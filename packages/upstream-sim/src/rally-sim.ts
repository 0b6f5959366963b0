/** Set and match lengths of the formats the simulated providers play. */
export interface SimFormat {
  bestOf: number;
  setPoints: number;
  decidingSetPoints: number;
}

export const BEACH: SimFormat = { bestOf: 3, setPoints: 21, decidingSetPoints: 15 };
export const INDOOR: SimFormat = { bestOf: 5, setPoints: 25, decidingSetPoints: 15 };

/** A match's score after some rallies, as providers report it. */
export interface SimScore {
  /** Points per set played or in play (home/A first). */
  sets: Array<{ a: number; b: number }>;
  setsWon: { a: number; b: number };
  finished: boolean;
  rallies: number;
}

/** Small deterministic PRNG (mulberry32): the same seed plays the same match every time. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const played = new Map<string, boolean[]>();

/** Every rally of a match until it ends (true = team A won it), cached per format and seed. */
export function rallyWinners(format: SimFormat, seed: number): boolean[] {
  const key = `${format.bestOf}:${seed}`;
  const cached = played.get(key);
  if (cached) return cached;
  const next = random(seed);
  const strengthA = 0.42 + next() * 0.16;
  const winners: boolean[] = [];
  let score = scoreOf(format, winners);
  while (!score.finished) {
    const aWins = next() < strengthA;
    winners.push(aWins);
    score = advance(format, score, aWins);
  }
  played.set(key, winners);
  return winners;
}

function pointsFor(format: SimFormat, setIndex: number): number {
  return setIndex === format.bestOf - 1 ? format.decidingSetPoints : format.setPoints;
}

function advance(format: SimFormat, score: SimScore, aWins: boolean): SimScore {
  const sets = score.sets.map((s) => ({ ...s }));
  const current = sets[sets.length - 1] ?? { a: 0, b: 0 };
  if (sets.length === 0) sets.push(current);
  if (aWins) current.a += 1;
  else current.b += 1;
  const setsWon = { ...score.setsWon };
  const target = pointsFor(format, sets.length - 1);
  const lead = Math.abs(current.a - current.b);
  let finished = false;
  if (Math.max(current.a, current.b) >= target && lead >= 2) {
    if (current.a > current.b) setsWon.a += 1;
    else setsWon.b += 1;
    const needed = Math.floor(format.bestOf / 2) + 1;
    finished = setsWon.a === needed || setsWon.b === needed;
    if (!finished) sets.push({ a: 0, b: 0 });
  }
  return { sets, setsWon, finished, rallies: score.rallies + 1 };
}

/** The score once the first `rallies` rallies of `winners` are played. */
export function scoreOf(format: SimFormat, winners: boolean[], rallies = winners.length): SimScore {
  let score: SimScore = { sets: [], setsWon: { a: 0, b: 0 }, finished: false, rallies: 0 };
  for (let i = 0; i < Math.min(rallies, winners.length); i += 1) {
    score = advance(format, score, winners[i] === true);
  }
  return score;
}
