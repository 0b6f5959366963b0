import type { Logger } from '../logger';

/** Sleeping on a clock the tests control (structurally the scheduler's clock). */
export interface RetryClock {
  /** Resolves after `ms` of this clock's time, or rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Waits before each follow-up run: after the 1st, 2nd and 3rd failure in a row. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [30_000, 60_000, 120_000];

/**
 * Runs a failed job again soon instead of waiting for its next tick (F29 retries, F35 "a
 * failure is alerted within 5 minutes"): a schedules job fails at :00, is retried at +30 s and
 * +90 s, so its third failure in a row — and the HIGH alert — comes within about two minutes,
 * and a recovered provider is noticed at the next retry. After the delays are used up the
 * job waits for its schedule again. Paused jobs are not retried.
 */
export class FailureRetry {
  private readonly controller = new AbortController();
  private readonly pending = new Map<string, Promise<void>>();

  /** Builds the retrier; `run` starts a follow-up run of a job. */
  constructor(
    private readonly clock: RetryClock,
    private readonly run: (job: string) => Promise<unknown>,
    private readonly isActive: (job: string) => Promise<boolean>,
    private readonly log: Logger,
    private readonly delaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS,
  ) {}

  /**
   * A run of `job` ended; `consecutiveFailures` counts it. Schedules one follow-up when it
   * failed and delays are left (a retry already waiting for the job is kept).
   */
  afterRun(job: string, failed: boolean, consecutiveFailures: number): void {
    if (!failed || this.controller.signal.aborted || this.pending.has(job)) return;
    const delay = this.delaysMs[consecutiveFailures - 1];
    if (delay === undefined) return;
    const retry = this.clock
      .sleep(delay, this.controller.signal)
      .then(async () => {
        this.pending.delete(job);
        if (!(await this.isActive(job))) return;
        this.log.info('retrying failed sync job', { job, consecutiveFailures, delayMs: delay });
        await this.run(job);
      })
      .catch((error: unknown) => {
        this.pending.delete(job);
        if (!this.controller.signal.aborted) this.log.error('sync retry failed', { job, error });
      });
    this.pending.set(job, retry);
  }

  /** Whether a follow-up run of `job` is waiting for its delay. */
  isWaiting(job: string): boolean {
    return this.pending.has(job);
  }

  /** Cancels waiting retries (shutdown). */
  stop(): void {
    this.controller.abort(new Error('retries stopped'));
  }
}
