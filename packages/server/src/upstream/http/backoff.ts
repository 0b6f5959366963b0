/** How hard to try one upstream call. */
export interface RetryPolicy {
  /** Attempts in all (1 = no retry). */
  attempts: number;
  /** Per-attempt timeout. */
  timeoutMs: number;
  /** First retry delay; doubled each time. */
  baseDelayMs: number;
  /** No single delay is longer; a longer Retry-After gives up until the next run. */
  maxDelayMs: number;
}

/** Production defaults: 3 attempts, 10 s each, 0.5 s → 1 s between them. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  timeoutMs: 10_000,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/**
 * Delay before retry number `retry` (1-based): base·2^(retry−1) plus up to 25 % jitter, so
 * two instances' retries spread out but every delay is still longer than the one before.
 */
export function backoffDelay(policy: RetryPolicy, retry: number, random = Math.random): number {
  const exponential = policy.baseDelayMs * 2 ** (retry - 1);
  return Math.min(policy.maxDelayMs, Math.round(exponential * (1 + random() * 0.25)));
}

/** Waits `ms` unless `signal` aborts first (then rejects with its reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
