import type { Database } from '../db/types';
import { logger } from '../logger';
import { credentialFingerprint } from './credentials';
import type { RetryPolicy } from './http/backoff';
import { createSyncJobs } from './jobs/registry';
import type { SyncSources } from './jobs/sources';
import { PrestoAdapter } from './presto/presto-adapter';
import type { PrestoConfig } from './presto/presto-session';
import { JobRunner } from './runner/job-runner';
import type { JobName, RunTrigger, SyncJob } from './runner/job-types';
import type { SchedulerClock } from './schedule/clock';
import { systemClock } from './schedule/clock';
import { Scheduler } from './schedule/scheduler';
import { VisAdapter } from './vis/vis-adapter';
import type { VisConfig } from './vis/vis-adapter';

/** What an upstream sync is built from. */
export interface UpstreamSyncOptions {
  vis?: VisConfig;
  presto?: PrestoConfig;
  retryPolicy?: RetryPolicy;
  concurrency?: number;
  instanceId?: string;
  clock?: SchedulerClock;
  catchUp?: boolean;
  /** Asked before every scheduled run: false skips it (a paused job, F37). */
  gate?: (job: JobName) => Promise<boolean>;
}

/** The sync of one app instance: its jobs, runner (guards, records) and scheduler. */
export interface UpstreamSync {
  jobs: SyncJob[];
  runner: JobRunner;
  scheduler: Scheduler;
  /** Starts the schedule (and the catch-up of missed ticks). */
  start(): void;
  /** Stops the schedule, aborts runs in progress and waits for them (≤ `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
}

/** Builds the sync of the configured providers over `db` (nothing starts until `start`). */
export function createUpstreamSync(db: Database, options: UpstreamSyncOptions): UpstreamSync {
  const sources: SyncSources = {};
  if (options.vis) {
    const c = options.vis.credentials;
    sources.vis = {
      adapter: new VisAdapter(options.vis),
      fingerprint: credentialFingerprint(c?.username ?? '', c?.password ?? ''),
    };
  }
  if (options.presto) {
    sources.presto = {
      adapter: new PrestoAdapter(options.presto),
      fingerprint: credentialFingerprint(options.presto.username, options.presto.password),
    };
  }
  const clock = options.clock ?? systemClock;
  const jobs = createSyncJobs(sources);
  const runner = new JobRunner(db, jobs, {
    instanceId: options.instanceId,
    concurrency: options.concurrency,
    retryPolicy: options.retryPolicy,
    now: () => clock.now(),
  });
  const gate = options.gate;
  const fire = async (job: JobName, trigger: RunTrigger) =>
    gate && !(await gate(job)) ? undefined : runner.run(job, trigger);
  const scheduler = new Scheduler(db, jobs, fire, {
    clock,
    catchUp: options.catchUp,
  });
  return {
    jobs,
    runner,
    scheduler,
    start() {
      scheduler.start();
      logger.info('upstream sync started', {
        jobs: jobs.map((j) => j.name),
        instance: runner.instanceId,
      });
    },
    async stop(timeoutMs = 10_000) {
      await scheduler.stop();
      await runner.stop(timeoutMs);
      logger.info('upstream sync stopped', { instance: runner.instanceId });
    },
  };
}
