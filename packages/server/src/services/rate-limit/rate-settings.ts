import type { RateLimit } from './token-bucket';

/**
 * What a route's requests count against (F22). Each class has its own bucket per user (per
 * client IP for the anonymous).
 */
export type RateClass = 'score-write' | 'claim' | 'read' | 'write' | 'auth' | 'probe';

/** Where buckets live: this process (`memory`), the shared database, or nowhere (`off`). */
export type RateStore = 'memory' | 'database' | 'off';

/** The limiter's settings. */
export interface RateSettings {
  store: RateStore;
  limits: Record<RateClass, RateLimit>;
}

const perSecond = (n: number): RateLimit => ({ capacity: n, refillPerSec: n });
const perMinute = (n: number): RateLimit => ({ capacity: n, refillPerSec: n / 60 });

/**
 * The defaults. Score writes count requests, not ops: a push carries up to 200 ops (the
 * client's batch), so draining a full outbox takes a handful of requests, far below 10/s.
 */
export const DEFAULT_RATE_LIMITS: Record<RateClass, RateLimit> = {
  'score-write': perSecond(10),
  claim: perMinute(20),
  read: perMinute(100),
  write: perMinute(60),
  // Sign-in guesses per client IP (and refreshes): enough for a family of phones.
  auth: perMinute(20),
  // The reachability probe (HEAD, no database): a waiting client probes about once a second.
  probe: perMinute(300),
};

const CLASSES = Object.keys(DEFAULT_RATE_LIMITS) as RateClass[];

/** Parses "20/min", "10/s", "500/h" into a bucket; undefined when malformed. */
export function parseRate(text: string): RateLimit | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(s|sec|second|m|min|minute|h|hour)\s*$/i.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  if (!(n > 0)) return undefined;
  const unit = match[2]!.toLowerCase()[0];
  const seconds = unit === 's' ? 1 : unit === 'm' ? 60 : 3600;
  return { capacity: n, refillPerSec: n / seconds };
}

/**
 * Settings from the environment: RATE_LIMIT_STORE = memory (default) | database | off, and
 * per class RATE_LIMIT_SCORE_WRITE, RATE_LIMIT_CLAIM, RATE_LIMIT_READ, RATE_LIMIT_WRITE,
 * RATE_LIMIT_AUTH, RATE_LIMIT_PROBE as "n/s", "n/min" or "n/h".
 */
export function rateSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RateSettings {
  const storeName = env.RATE_LIMIT_STORE;
  const store: RateStore = storeName === 'database' || storeName === 'off' ? storeName : 'memory';
  const limits = { ...DEFAULT_RATE_LIMITS };
  for (const c of CLASSES) {
    const given = env[`RATE_LIMIT_${c.replace('-', '_').toUpperCase()}`];
    const parsed = given ? parseRate(given) : undefined;
    if (parsed) limits[c] = parsed;
  }
  return { store, limits };
}
