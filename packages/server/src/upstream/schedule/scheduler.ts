import type { Database } from '../../db/types';
import { logger } from '../../logger';
import type { JobName, RunTrigger, SyncJob } from '../runner/job-types';
import { systemClock } from './clock';
import type { SchedulerClock } from './clock';
import { lastTickWithin, nextRunAfter } from './cron';

/** What to do at a tick (production: the runner's `run`). */
export type FireTick = (job: JobName, trigger: RunTrigger) => Promise<unknown>;

/** How the scheduler runs. */
export interface SchedulerOptions {
  clock?: SchedulerClock;
  /** Run ticks missed within each job's catch-up window once at start (default true). */
  catchUp?: boolean;
}

/**
 * Fires every job at its cron ticks (UTC) on a clock. It never waits for a run before timing
 * the next tick, so a run that lasts longer than its interval meets the runner's overlap guard
 * instead of silently delaying the schedule. Jobs with run days (Presto live) skip other days.
 */
export class Scheduler {
  private readonly clock: SchedulerClock;
  private controller?: AbortController;
  private loops: Promise<void>[] = [];
  private readonly next = new Map<JobName, Date | undefined>();

  constructor(
    private readonly db: Database,
    private readonly jobs: readonly SyncJob[],
    private readonly fire: FireTick,
    private readonly options: SchedulerOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
  }

  /** Next tick of each job as last computed (for the monitoring's "next run"). */
  nextRuns(): Map<JobName, Date | undefined> {
    return new Map(this.next);
  }

  /** Starts every job's loop (and the catch-up of missed ticks). */
  start(): void {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    if (this.options.catchUp ?? true) this.loops.push(this.catchUp(controller.signal));
    for (const job of this.jobs) this.loops.push(this.loop(job, controller.signal));
  }

  /** Stops the timers (runs in progress are the runner's to stop). */
  async stop(): Promise<void> {
    this.controller?.abort(new Error('scheduler stopped'));
    await Promise.allSettled(this.loops);
    this.loops = [];
    this.controller = undefined;
  }

  private async runDays(job: SyncJob): Promise<((day: string) => boolean) | undefined> {
    return job.runDays ? job.runDays(this.db) : undefined;
  }

  private async loop(job: SyncJob, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const now = this.clock.now();
        const next = nextRunAfter(job.cron, now, await this.runDays(job));
        this.next.set(job.name, next);
        // Without a next tick (no game day ahead) look again in an hour: days may be added.
        const wait = next ? next.getTime() - now.getTime() : 3_600_000;
        await this.clock.sleep(wait, signal);
        if (!next || this.clock.now().getTime() < next.getTime()) continue;
        this.fire(job.name, { kind: 'scheduled', slot: next }).catch((error: unknown) =>
          logger.error('sync run failed to start', { job: job.name, error }),
        );
      } catch (error) {
        if (signal.aborted) return;
        logger.error('scheduler loop error', { job: job.name, error });
        await this.clock.sleep(60_000, signal).catch(() => undefined);
      }
    }
  }

  /** Missed ticks within each job's window, oldest job first, one after the other. */
  private async catchUp(signal: AbortSignal): Promise<void> {
    for (const job of this.jobs) {
      if (signal.aborted || !job.catchUpWindowMs) continue;
      const slot = lastTickWithin(job.cron, this.clock.now(), job.catchUpWindowMs);
      if (!slot) continue;
      await this.fire(job.name, { kind: 'catch-up', slot }).catch((error: unknown) =>
        logger.error('catch-up run failed', { job: job.name, error }),
      );
    }
  }
}
