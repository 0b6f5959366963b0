import { backoffDelay, PAGE_BACKOFF, type BackoffPolicy } from './backoff';
import type { FlushResult } from './flush';

/** What the loop needs from its surroundings (injected: tests drive it with fake timers). */
export interface SyncLoopDelegate {
  flush(): Promise<Pick<FlushResult, 'status' | 'retryAfterMs'>>;
  /** Whether the server answers at all (the connectivity test). */
  probe(): Promise<boolean>;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
  now(): number;
}

/** Tuning of the loop. */
export interface SyncLoopOptions {
  backoff?: BackoffPolicy;
  /** Probe the server while a wait is longer than this. */
  probeAfterMs?: number;
  /** Mean time between probes (jittered ±50 %). */
  probeEveryMs?: number;
}

/** Where the loop stands. */
export type SyncLoopState = 'idle' | 'flushing' | 'waiting' | 'paused' | 'stopped';

/**
 * The page's connection loop (Replicache style): flushes when asked, after a `retry` result
 * waits an exponential backoff with full jitter (never less than Retry-After) and flushes
 * again; while a wait is long it probes the server every ~second and flushes at once when the
 * server comes back. A `paused` result (401/403) stops it until `resume()`.
 */
export class SyncLoop {
  private current: SyncLoopState = 'idle';
  private failures = 0;
  private again = false;
  private retryTimer: unknown;
  private probeTimer: unknown;
  private notBefore = 0;
  private probeFailed = false;
  private readonly backoff: BackoffPolicy;
  private readonly probeAfterMs: number;
  private readonly probeEveryMs: number;

  /** A loop over `delegate`; it does nothing until `kick()`, `resume()` or `takeOver()`. */
  constructor(
    private readonly delegate: SyncLoopDelegate,
    options: SyncLoopOptions = {},
  ) {
    this.backoff = options.backoff ?? PAGE_BACKOFF;
    this.probeAfterMs = options.probeAfterMs ?? 1000;
    this.probeEveryMs = options.probeEveryMs ?? 1000;
  }

  /** Where the loop stands now. */
  get state(): SyncLoopState {
    return this.current;
  }

  /** Flushes now (or right after the running flush); ignored while paused or stopped. */
  kick(): void {
    if (this.current === 'paused' || this.current === 'stopped') return;
    if (this.current === 'flushing') {
      this.again = true;
      return;
    }
    // A new reason to flush (a tap, a poke) cuts a backoff short, but not a Retry-After.
    if (this.current === 'waiting' && this.delegate.now() < this.notBefore) return;
    void this.run();
  }

  /** Leaves `paused` (the user signed in, tapped, the browser came online) and flushes. */
  resume(): void {
    if (this.current === 'stopped') return;
    if (this.current === 'paused') this.current = 'idle';
    this.failures = 0;
    this.clearTimers();
    if (this.current === 'waiting') this.current = 'idle';
    this.kick();
  }

  /** Another context's flush failed (e.g. the worker's sync): back off, then try from here. */
  takeOver(retryAfterMs?: number): void {
    if (this.current !== 'idle') return;
    this.scheduleRetry(retryAfterMs);
  }

  /** Stops for good (page closing): cancels timers; a running flush finishes on its own. */
  stop(): void {
    this.current = 'stopped';
    this.clearTimers();
  }

  private async run(): Promise<void> {
    this.clearTimers();
    this.current = 'flushing';
    this.again = false;
    let result: Pick<FlushResult, 'status' | 'retryAfterMs'>;
    try {
      result = await this.delegate.flush();
    } catch {
      result = { status: 'retry' };
    }
    // `stop()` may have come while flushing: the state is then 'stopped'.
    if ((this.current as SyncLoopState) === 'stopped') return;
    if (result.status === 'paused') {
      this.current = 'paused';
      return;
    }
    if (result.status === 'retry') {
      this.current = 'idle';
      this.scheduleRetry(result.retryAfterMs);
      return;
    }
    this.failures = 0;
    this.current = 'idle';
    if (this.again) this.kick();
  }

  private scheduleRetry(retryAfterMs?: number): void {
    this.failures += 1;
    const delay = backoffDelay(
      this.failures,
      this.backoff,
      () => this.delegate.random(),
      retryAfterMs,
    );
    this.current = 'waiting';
    this.notBefore = this.delegate.now() + (retryAfterMs ?? 0);
    this.probeFailed = false;
    this.retryTimer = this.delegate.setTimeout(() => void this.run(), delay);
    if (delay > this.probeAfterMs) this.scheduleProbe();
  }

  private scheduleProbe(): void {
    const wait = this.probeEveryMs * (0.5 + this.delegate.random());
    this.probeTimer = this.delegate.setTimeout(() => {
      this.probeTimer = undefined;
      void this.delegate
        .probe()
        .catch(() => false)
        .then((up) => this.onProbe(up));
    }, wait);
  }

  private onProbe(up: boolean): void {
    if (this.current !== 'waiting') return;
    if (up && this.probeFailed && this.delegate.now() >= this.notBefore) {
      // The server was unreachable and answers again: no reason to sit out the backoff.
      void this.run();
      return;
    }
    if (!up) this.probeFailed = true;
    this.scheduleProbe();
  }

  private clearTimers(): void {
    if (this.retryTimer !== undefined) this.delegate.clearTimeout(this.retryTimer);
    if (this.probeTimer !== undefined) this.delegate.clearTimeout(this.probeTimer);
    this.retryTimer = this.probeTimer = undefined;
  }
}
