import type { SyncErrorType } from '@courtsync/protocol';
import { syncErrorTypeSchema } from '@courtsync/protocol';
import type { Database } from '../db/types';
import type { Logger } from '../logger';
import type { JobName } from '../upstream/runner/job-types';
import type { SchedulerClock } from '../upstream/schedule/clock';
import type { UpstreamSync } from '../upstream/sync-service';
import { FailureRetry } from './failure-retry';
import type { JobRunReport, JobRunRequest, RunFailure, RunProgress } from './run-report';
import type { MonitoringRuntime } from './runtime';
import { isJobActive, listJobStatus } from './sync-status';

/** What links the monitoring to a running upstream sync. */
export interface UpstreamLinkOptions {
  getDb: () => Promise<Database>;
  log: Logger;
  /** The scheduler's clock (tests: a manual one). */
  clock: SchedulerClock;
  /** Waits before follow-up runs of a failing job; [] turns them off. */
  retryDelaysMs?: readonly number[];
}

/** A live link; `unlink` stops listening and cancels waiting retries. */
export interface UpstreamLink {
  unlink(): void;
  /** Whether a follow-up run of `job` is waiting (tests step the clock past it). */
  retrying(job: string): boolean;
}

const RETRY_REASON = 'retry after a failure';

const triggerOf = (t: { kind: string; reason?: string }): JobRunReport['trigger'] =>
  t.kind !== 'manual' ? 'scheduled' : t.reason === RETRY_REASON ? 'retry' : 'manual';

const asType = (category: string | null | undefined): SyncErrorType => {
  const parsed = syncErrorTypeSchema.safeParse(category);
  return parsed.success ? parsed.data : 'API';
};

/**
 * Connects issue #12's upstream sync to the monitoring: every run start/finish and tournament
 * result goes to the monitor (status rows, error log, metrics, alert rules), a failing job is
 * retried soon (FailureRetry), and the manual-trigger queue runs jobs through the runner.
 */
export function linkUpstreamSync(
  runtime: MonitoringRuntime,
  sync: UpstreamSync,
  options: UpstreamLinkOptions,
): UpstreamLink {
  const { runner, scheduler } = sync;
  const { monitor } = runtime;
  const failures = new Map<number, RunFailure[]>();
  const progress = new Map<number, (p: RunProgress) => void>();
  const seen = new Map<number, number>();
  /** The monitor's recording of each finished run, awaited by the manual trigger. */
  const recorded = new Map<number, Promise<void>>();
  let linked = true;
  const manualWaiting: ((executionId: number) => void)[] = [];
  const retry = new FailureRetry(
    options.clock,
    (job) => runner.run(job as JobName, { kind: 'manual', reason: RETRY_REASON }),
    async (job) => isJobActive(await options.getDb(), job),
    options.log,
    options.retryDelaysMs,
  );

  const onStart = (e: { job: JobName; executionId: number; trigger: { kind: string } }) => {
    if (e.trigger.kind === 'manual') manualWaiting.shift()?.(e.executionId);
    void monitor.runStarted(e.job, options.clock.now(), scheduler.nextRuns().get(e.job) ?? null);
  };
  const onResult = (r: {
    executionId: number;
    planned: number;
    providerNo: string;
    status: string;
    errorCategory?: string | null;
    errorMessage?: string | null;
  }) => {
    if (r.status === 'failed') {
      const list = failures.get(r.executionId) ?? [];
      list.push({
        type: asType(r.errorCategory),
        message: r.errorMessage ?? 'tournament sync failed',
        tournamentNo: r.providerNo,
        context: { executionId: r.executionId },
      });
      failures.set(r.executionId, list);
    }
    const report = progress.get(r.executionId);
    if (report) {
      const done = (seen.get(r.executionId) ?? 0) + 1;
      seen.set(r.executionId, done);
      const percent = 5 + (90 * done) / Math.max(done, r.planned);
      report({ percent, message: `tournament ${r.providerNo}: ${r.status}` });
    }
  };
  const onFinish = (s: {
    job: JobName;
    executionId: number;
    status: 'success' | 'partial' | 'failed';
    durationMs: number;
    records: number;
    upstreamCalls: number;
    errorCategory?: string;
    errorMessage?: string;
    trigger: { kind: string; reason?: string };
  }) => {
    const perTournament = failures.get(s.executionId) ?? [];
    failures.delete(s.executionId);
    progress.delete(s.executionId);
    seen.delete(s.executionId);
    const errors =
      perTournament.length > 0 || s.status === 'success'
        ? perTournament
        : [{ type: asType(s.errorCategory), message: s.errorMessage ?? 'run failed' }];
    const finishedAt = options.clock.now();
    const report: JobRunReport = {
      job: s.job,
      executionId: String(s.executionId),
      trigger: triggerOf(s.trigger),
      startedAt: new Date(finishedAt.getTime() - s.durationMs),
      finishedAt,
      outcome: s.status === 'success' ? 'SUCCESS' : s.status === 'partial' ? 'PARTIAL' : 'FAILED',
      recordsProcessed: s.records,
      upstreamCalls: s.upstreamCalls,
      errors,
      nextRunAt: scheduler.nextRuns().get(s.job) ?? null,
    };
    const done = monitor.runFinished(report).then(async () => {
      const db = await options.getDb();
      const row = (await listJobStatus(db)).find((r) => r.job === s.job);
      retry.afterRun(s.job, s.status === 'failed', row?.consecutiveFailures ?? 0);
    });
    recorded.set(
      s.executionId,
      done.catch((error: unknown) => options.log.error('monitoring: retry not planned', { error })),
    );
  };
  runner.on('run:start', onStart);
  runner.on('tournament:result', onResult);
  runner.on('run:finish', onFinish);

  runtime.attachRunner({
    jobNames: () => sync.jobs.map((j) => j.name),
    schedulerRunning: () => linked,
    runNow: (request: JobRunRequest) => runManual(request),
  });

  async function runManual(request: JobRunRequest): Promise<JobRunReport> {
    // The execution id is known at run:start; progress reports are keyed on it from then on.
    manualWaiting.push((executionId) => {
      if (request.onProgress) progress.set(executionId, request.onProgress);
    });
    const outcome = await runner.run(request.job as JobName, {
      kind: 'manual',
      reason: 'manual trigger',
      tournamentNo: request.tournamentNo ?? undefined,
    });
    if (!outcome.ran) {
      manualWaiting.shift();
      throw new Error(`${request.job} did not run: ${outcome.reason}`);
    }
    await recorded.get(outcome.executionId);
    recorded.delete(outcome.executionId);
    const errors: RunFailure[] = outcome.errorMessage
      ? [{ type: asType(outcome.errorCategory), message: outcome.errorMessage }]
      : [];
    const finishedAt = options.clock.now();
    return {
      job: outcome.job,
      executionId: String(outcome.executionId),
      trigger: 'manual',
      startedAt: new Date(finishedAt.getTime() - outcome.durationMs),
      finishedAt,
      outcome:
        outcome.status === 'success'
          ? 'SUCCESS'
          : outcome.status === 'partial'
            ? 'PARTIAL'
            : 'FAILED',
      recordsProcessed: outcome.records,
      upstreamCalls: outcome.upstreamCalls,
      errors,
    };
  }

  return {
    retrying: (job) => retry.isWaiting(job),
    unlink() {
      linked = false;
      runner.off('run:start', onStart);
      runner.off('tournament:result', onResult);
      runner.off('run:finish', onFinish);
      retry.stop();
    },
  };
}
