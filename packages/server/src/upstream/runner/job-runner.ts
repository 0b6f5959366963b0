import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { ulid } from 'ulid';
import type { Database } from '../../db/types';
import { logger } from '../../logger';
import { classifyError, storableMessage, worstCategory } from '../errors';
import { DEFAULT_RETRY_POLICY } from '../http/backoff';
import type { RetryPolicy } from '../http/backoff';
import { finishExecution, startExecution } from '../store/executions';
import { tryJobLock } from './job-lock';
import type { JobName, RunOutcome, RunSummary, RunTrigger, SkipReason, SyncJob } from './job-types';
import { RunContext } from './run-context';
import type { TournamentResult } from './run-context';
import { claimSlot } from './slots';

/** Hooks for the monitoring (F32–F37): every run start, finish, skip and tournament result. */
export interface RunnerEvents {
  'run:start': [{ job: JobName; executionId: number; trigger: RunTrigger }];
  'run:finish': [RunSummary & { trigger: RunTrigger }];
  'run:skipped': [{ job: JobName; reason: SkipReason; trigger: RunTrigger }];
  'tournament:result': [{ job: JobName; executionId: number; planned: number } & TournamentResult];
}

/** How runs are made. */
export interface JobRunnerOptions {
  /** Identifies this app instance in execution and slot rows. */
  instanceId?: string;
  /** Tournaments worked on at once (F29: 5). */
  concurrency?: number;
  retryPolicy?: RetryPolicy;
  now?: () => Date;
}

/**
 * Runs sync jobs with every guard of F29/F30: one run of a job at a time in this process
 * (overlap refused), across instances (advisory lock), once per cron tick (slot claim); each
 * run writes its execution row and per-tournament results and emits events.
 */
export class JobRunner extends EventEmitter<RunnerEvents> {
  readonly instanceId: string;
  private readonly jobs: Map<JobName, SyncJob>;
  private readonly running = new Map<JobName, AbortController>();
  private readonly inFlight = new Set<Promise<RunOutcome>>();
  private stopping = false;
  private readonly settings: { concurrency: number; policy: RetryPolicy; now: () => Date };

  constructor(
    private readonly db: Database,
    jobs: readonly SyncJob[],
    options: JobRunnerOptions = {},
  ) {
    super();
    this.jobs = new Map(jobs.map((j) => [j.name, j]));
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${ulid().slice(-6)}`;
    this.settings = {
      concurrency: options.concurrency ?? 5,
      policy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      now: options.now ?? (() => new Date()),
    };
  }

  /** The registered jobs. */
  get registry(): SyncJob[] {
    return [...this.jobs.values()];
  }

  /** Whether a run of `job` is in progress in this process. */
  isRunning(job: JobName): boolean {
    return this.running.has(job);
  }

  /** Starts a run of `job` unless a guard refuses it; resolves when it has finished. */
  run(name: JobName, trigger: RunTrigger = { kind: 'manual' }): Promise<RunOutcome> {
    const job = this.jobs.get(name);
    if (!job) return Promise.reject(new Error(`unknown sync job ${name}`));
    const skip = (reason: SkipReason): RunOutcome => {
      this.emit('run:skipped', { job: name, reason, trigger });
      return { ran: false, job: name, reason };
    };
    if (this.stopping) return Promise.resolve(skip('stopping'));
    if (this.running.has(name)) return Promise.resolve(skip('overlap'));
    const controller = new AbortController();
    this.running.set(name, controller);
    const run = this.guarded(job, trigger, controller.signal, skip).finally(() => {
      this.running.delete(name);
      this.inFlight.delete(run);
    });
    this.inFlight.add(run);
    return run;
  }

  private async guarded(
    job: SyncJob,
    trigger: RunTrigger,
    signal: AbortSignal,
    skip: (reason: SkipReason) => RunOutcome,
  ): Promise<RunOutcome> {
    const lock = await tryJobLock(this.db, job.name);
    if (!lock) return skip('locked');
    try {
      if (
        trigger.kind !== 'manual' &&
        !(await claimSlot(this.db, job.name, trigger.slot, this.instanceId))
      ) {
        return skip('slot-taken');
      }
      return { ran: true, ...(await this.execute(job, trigger, signal)) };
    } finally {
      await lock
        .release()
        .catch((error: unknown) => logger.warn('job unlock failed', { job: job.name, error }));
    }
  }

  private async execute(
    job: SyncJob,
    trigger: RunTrigger,
    signal: AbortSignal,
  ): Promise<RunSummary> {
    const startedAt = this.settings.now();
    const started = performance.now();
    const executionId = await startExecution(this.db, {
      jobName: job.name,
      provider: job.provider,
      trigger: trigger.kind,
      scheduledFor: trigger.kind === 'manual' ? null : trigger.slot,
      instanceId: this.instanceId,
      startedAt,
    });
    this.emit('run:start', { job: job.name, executionId, trigger });
    const ctx = new RunContext(
      this.db,
      job.name,
      job.provider,
      executionId,
      signal,
      this.settings,
      (r) =>
        this.emit('tournament:result', { job: job.name, executionId, planned: ctx.planned, ...r }),
    );
    if (trigger.kind === 'manual' && trigger.tournamentNo) ctx.only = trigger.tournamentNo;
    let jobError;
    try {
      await job.run(ctx);
    } catch (error) {
      jobError = classifyError(error);
    }
    const failed = ctx.results.filter((r) => r.status === 'failed');
    const status =
      jobError || (failed.length > 0 && failed.length === ctx.results.length)
        ? 'failed'
        : failed.length > 0
          ? 'partial'
          : 'success';
    const errorCategory = jobError?.category ?? worstCategory(ctx.failedCategories());
    const errorMessage =
      jobError?.message ??
      (failed.length > 0
        ? `${failed.length} of ${ctx.results.length} tournaments failed; first: ${failed[0]?.errorMessage}`
        : undefined);
    const durationMs = Math.round(performance.now() - started);
    // The execution row and the results count as writes of the run too (F31 compares all).
    ctx.writes.add(2 + ctx.results.length);
    const summary: RunSummary = {
      job: job.name,
      executionId,
      status,
      durationMs,
      records: ctx.records,
      upstreamCalls: ctx.meter.calls,
      writes: ctx.writes.rows,
      errorCategory,
      errorMessage: errorMessage === undefined ? undefined : storableMessage(errorMessage),
    };
    await finishExecution(
      this.db,
      executionId,
      {
        status,
        success: status === 'success',
        finishedAt: new Date(startedAt.getTime() + durationMs),
        durationMs,
        recordsProcessed: ctx.records,
        recordsWritten: ctx.writes.rows,
        upstreamCalls: ctx.meter.calls,
        retries: ctx.meter.retries,
        errorCategory: errorCategory ?? null,
        errorMessage: summary.errorMessage ?? null,
        details: {
          ...ctx.details,
          notModified: ctx.meter.notModified,
          upstreamMs: Math.round(ctx.meter.totalMs),
          backoffMs: ctx.meter.backoffMs,
        },
      },
      ctx.results.map((r) => ({ ...r, executionId, jobName: job.name, provider: job.provider })),
    );
    this.emit('run:finish', { ...summary, trigger });
    if (status !== 'success') logger.warn('sync run not clean', { ...summary });
    return summary;
  }

  /** Refuses new runs, aborts the ones in progress and waits for them (at most `timeoutMs`). */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const controller of this.running.values()) controller.abort(new Error('sync stopping'));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.inFlight]), timeout]);
    clearTimeout(timer);
  }
}
