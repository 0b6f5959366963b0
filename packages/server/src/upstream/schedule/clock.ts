import { sleep } from '../http/backoff';

/** Time as the scheduler sees it: the system clock in production, a manual one in tests. */
export interface SchedulerClock {
  now(): Date;
  /** Resolves after `ms` of this clock's time, or rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Timers are capped so a long wait re-checks the time (clock changes, suspended hosts). */
const MAX_TIMER_MS = 60_000;

/** The real clock. */
export const systemClock: SchedulerClock = {
  now: () => new Date(),
  sleep: (ms, signal) => sleep(Math.min(ms, MAX_TIMER_MS), signal),
};

interface Waiter {
  at: number;
  resolve: () => void;
}

/**
 * A clock that only moves when told: `advanceTo` wakes every sleeper in time order, letting
 * each react (schedule its next tick) before time moves on. For schedule tests.
 */
export class ManualClock implements SchedulerClock {
  private current: number;
  private waiters: Waiter[] = [];

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      // As the real clock: a signal already aborted never sleeps.
      if (signal.aborted) return reject(signal.reason as Error);
      const onAbort = () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(signal.reason as Error);
      };
      // Woken, the sleeper lets go of the signal: the scheduler's lives as long as it runs,
      // and a listener left behind per tick piled up on it (MaxListenersExceededWarning).
      const waiter: Waiter = {
        at: this.current + ms,
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.waiters.push(waiter);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Moves time to `target`, waking sleepers in order. Before each step it waits until
   * `sleepers` callers sleep again (their reaction may involve I/O, e.g. a database read).
   */
  async advanceTo(target: Date, sleepers = 0): Promise<void> {
    for (;;) {
      await this.waitForSleepers(sleepers);
      const due = this.waiters
        .filter((w) => w.at <= target.getTime())
        .sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.current = Math.max(this.current, due.at);
      this.waiters = this.waiters.filter((w) => w !== due);
      due.resolve();
    }
    this.current = target.getTime();
    await this.waitForSleepers(sleepers);
  }

  private async waitForSleepers(count: number): Promise<void> {
    await settle();
    const deadline = Date.now() + 5_000;
    while (this.waiters.length < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

/** Lets pending promise callbacks and I/O-free continuations run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}
