import {
  decide,
  refill,
  type RateDecision,
  type RateLimit,
  type RateLimiter,
} from './token-bucket';

interface Bucket {
  tokens: number;
  atMs: number;
}

/** Past this many buckets, full (idle) ones are dropped: they equal a fresh bucket anyway. */
const PRUNE_AT = 50_000;

/** Token buckets in this process's memory: the default for one instance (F22). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** `now` is injectable so tests can move time. */
  constructor(private readonly now: () => number = Date.now) {}

  /** See RateLimiter.take. */
  async take(key: string, limit: RateLimit, cost = 1): Promise<RateDecision> {
    const at = this.now();
    const bucket = this.buckets.get(key);
    const refilled = bucket ? refill(limit, bucket.tokens, at - bucket.atMs) : limit.capacity;
    const { decision, after } = decide(limit, refilled, cost);
    this.buckets.set(key, { tokens: after, atMs: at });
    if (this.buckets.size > PRUNE_AT) this.prune(limit, at);
    return decision;
  }

  private prune(limit: RateLimit, at: number): void {
    for (const [key, b] of this.buckets) {
      if (refill(limit, b.tokens, at - b.atMs) >= limit.capacity) this.buckets.delete(key);
    }
  }
}
