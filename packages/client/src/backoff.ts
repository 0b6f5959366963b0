/** Backoff settings of the sync loop (Replicache's connection loop, F12). */
export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  baseMs: number;
  /** Longest wait between two attempts (short while a page is open). */
  capMs: number;
}

/** The page's defaults: start at ½ s, never wait more than 30 s with the app open. */
export const PAGE_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/**
 * "Full jitter" exponential backoff: a random wait in [0, min(cap, base·2^(failures-1))], so
 * many devices that lost the server together do not come back together. Never shorter than
 * the server's Retry-After.
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs = 0,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.max(retryAfterMs, Math.floor(random() * ceiling));
}
