/** One bucket's size and refill speed (F22). */
export interface RateLimit {
  /** Most tokens the bucket holds: the burst allowed after a quiet spell. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSec: number;
}

/** The answer to one request, with what the X-RateLimit-* headers say. */
export interface RateDecision {
  allowed: boolean;
  /** X-RateLimit-Limit: the bucket's capacity. */
  limit: number;
  /** X-RateLimit-Remaining: whole tokens left after this request. */
  remaining: number;
  /** X-RateLimit-Reset: seconds until the bucket is full again. */
  resetSec: number;
  /** Retry-After (refused requests): seconds until enough tokens are back. */
  retryAfterSec?: number;
}

/** Tokens in a bucket after `elapsedMs` of refill from `tokens`, capped at capacity. */
export function refill(limit: RateLimit, tokens: number, elapsedMs: number): number {
  return Math.min(limit.capacity, tokens + (Math.max(0, elapsedMs) * limit.refillPerSec) / 1000);
}

/**
 * The decision for a request costing `cost` against a bucket holding `refilled` tokens, and
 * the tokens it leaves (`after`). Refused requests take nothing.
 */
export function decide(
  limit: RateLimit,
  refilled: number,
  cost: number,
): { decision: RateDecision; after: number } {
  const allowed = refilled >= cost;
  const after = allowed ? refilled - cost : refilled;
  const decision: RateDecision = {
    allowed,
    limit: limit.capacity,
    remaining: Math.max(0, Math.floor(after)),
    resetSec: Math.ceil((limit.capacity - after) / limit.refillPerSec),
  };
  if (!allowed) {
    decision.retryAfterSec = Math.max(1, Math.ceil((cost - refilled) / limit.refillPerSec));
  }
  return { decision, after };
}

/** Where buckets live: one process's memory, or the database shared by every instance. */
export interface RateLimiter {
  /** Takes `cost` tokens from the bucket `key` (created full) if it has them. */
  take(key: string, limit: RateLimit, cost?: number): Promise<RateDecision>;
}
