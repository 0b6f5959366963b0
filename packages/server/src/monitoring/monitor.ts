import type {
  HealthOverview,
  HistoryPeriod,
  PerformanceHistory,
  TournamentSyncStatus,
} from '@courtsync/protocol';
import { and, gte, lt } from 'drizzle-orm';
import { syncErrors } from '../db/schema';
import type { Database } from '../db/types';
import type { Logger } from '../logger';
import { evaluateAlertRules, listActiveAlerts } from './alert-engine';
import type { AlertEvent } from './alert-engine';
import { logRunErrors } from './error-log';
import { alertLevel, jobHealth, worst } from './job-health';
import { observeRun } from './metrics';
import { deliverAlertEvents } from './notifier';
import type { NotifierConfig } from './notifier';
import { buildPerformanceHistory, periodWindow } from './performance-history';
import type { RunHistorySource } from './run-history';
import { successRateOf } from './run-history';
import type { JobRunObserver, JobRunReport } from './run-report';
import { ensureJobRows, listJobStatus, recordRunFinished, recordRunStarted } from './sync-status';

/** What a SyncMonitor is built from. */
export interface SyncMonitorOptions {
  getDb: () => Promise<Database>;
  /** The runner's execution history (read only). */
  history: RunHistorySource;
  /** Names of the jobs the runner knows (each gets a status row and a dashboard card). */
  jobs: () => readonly string[];
  log: Logger;
  notifier?: NotifierConfig;
  /** Controllable clock (tests); default the system clock. */
  now?: () => Date;
  /** Resident memory in MB; default `process.memoryUsage().rss`. */
  memoryMb?: () => number;
  /** Whether this instance's scheduler runs jobs. */
  schedulerRunning?: () => boolean;
}

const MB = 1024 * 1024;

/**
 * The monitoring (F32–F36): keeps `sync_status` and the error log from the runner's hooks,
 * counts metrics, evaluates alert rules after every run and on a timer, sends notifications,
 * and answers the dashboard's questions.
 */
export class SyncMonitor implements JobRunObserver {
  private timer: ReturnType<typeof setInterval> | null = null;
  private deliveries = new Set<Promise<void>>();
  readonly now: () => Date;

  /** Builds a monitor; nothing runs until hooks are called or `start()`. */
  constructor(private readonly options: SyncMonitorOptions) {
    this.now = options.now ?? (() => new Date());
  }

  private memoryMb(): number {
    return this.options.memoryMb?.() ?? process.memoryUsage().rss / MB;
  }

  /** JobRunObserver: a run started. */
  async runStarted(job: string, at: Date, nextRunAt?: Date | null): Promise<void> {
    try {
      await recordRunStarted(await this.options.getDb(), job, at, nextRunAt);
    } catch (error) {
      this.options.log.error('monitoring: run start not recorded', { job, error });
    }
  }

  /** JobRunObserver: a run finished — status row, error log, metrics, then the alert rules. */
  async runFinished(report: JobRunReport): Promise<void> {
    observeRun(report);
    try {
      const db = await this.options.getDb();
      const row = await db.transaction(async (tx) => {
        const status = await recordRunFinished(tx, report);
        await logRunErrors(tx, report, status.consecutiveFailures);
        return status;
      });
      this.options.log.info('sync run finished', {
        job: report.job,
        outcome: report.outcome,
        ms: report.finishedAt.getTime() - report.startedAt.getTime(),
        records: report.recordsProcessed,
        errors: report.errors.length,
        consecutiveFailures: row.consecutiveFailures,
      });
      await this.evaluate();
    } catch (error) {
      // The runner must never fail because its monitoring did.
      this.options.log.error('monitoring: run not recorded', { job: report.job, error });
    }
  }

  /** Evaluates every alert rule now; notifications go out in the background (see settled()). */
  evaluate(): Promise<AlertEvent[]> {
    const evaluation = this.evaluateNow();
    const tracked = evaluation.then(
      () => undefined,
      () => undefined,
    );
    this.deliveries.add(tracked);
    void tracked.finally(() => this.deliveries.delete(tracked));
    return evaluation;
  }

  private async evaluateNow(): Promise<AlertEvent[]> {
    const db = await this.options.getDb();
    const now = this.now();
    await ensureJobRows(db, this.options.jobs());
    const rows = await listJobStatus(db);
    const events = await evaluateAlertRules(
      db,
      {
        jobs: rows.map((r) => ({
          job: r.job,
          consecutiveFailures: r.consecutiveFailures,
          lastDurationMs: r.lastDurationMs,
          runningForMs: r.running && r.lastRunAt ? now.getTime() - r.lastRunAt.getTime() : null,
        })),
        // Up to and including now: the run that just finished counts.
        successRate: async (job, minutes) =>
          successRateOf(
            await this.options.history.runs(
              db,
              new Date(now.getTime() - minutes * 60_000),
              new Date(now.getTime() + 1),
              job,
            ),
          ),
        memoryMb: this.memoryMb(),
      },
      now,
    );
    for (const e of events) {
      this.options.log.warn(`alert ${e.kind}`, {
        alertId: e.alert.id,
        rule: e.alert.ruleId,
        subject: e.alert.subject,
        severity: e.alert.severity,
      });
    }
    if (events.length > 0 && this.options.notifier) {
      const sending = deliverAlertEvents(
        db,
        this.options.notifier,
        events,
        this.options.log,
        this.now,
      );
      this.deliveries.add(sending);
      void sending.finally(() => this.deliveries.delete(sending));
    }
    return events;
  }

  /** Resolves when every evaluation and notification started so far is over. */
  async settled(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.all([...this.deliveries]);
  }

  /** Evaluates the rules every `intervalMs` (default one minute) until `stop()`. */
  start(intervalMs = 60_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.evaluate().catch((error: unknown) =>
        this.options.log.error('monitoring: alert evaluation failed', { error }),
      );
    }, intervalMs);
    this.timer.unref?.();
  }

  /** Stops the timer and waits for notifications in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.settled();
  }

  /** The dashboard's overview (F36). */
  async healthOverview(): Promise<HealthOverview> {
    const db = await this.options.getDb();
    const now = this.now();
    await ensureJobRows(db, this.options.jobs());
    const [rows, activeAlerts] = await Promise.all([listJobStatus(db), listActiveAlerts(db)]);
    const dayAgo = new Date(now.getTime() - 24 * 3600_000);
    const runs = await this.options.history.runs(db, dayAgo, new Date(now.getTime() + 1), null);
    const errors = await db
      .select({ type: syncErrors.errorType })
      .from(syncErrors)
      .where(and(gte(syncErrors.occurredAt, dayAgo), lt(syncErrors.occurredAt, now)));
    const errorsByType24h: Record<string, number> = {};
    for (const e of errors) errorsByType24h[e.type] = (errorsByType24h[e.type] ?? 0) + 1;
    const jobs = rows.map((row) => {
      const { health, reason } = jobHealth(row, activeAlerts, now);
      return {
        job: row.job,
        health,
        healthReason: reason,
        active: row.active,
        running: row.running,
        lastRunAt: row.lastRunAt?.toISOString() ?? null,
        lastOutcome: row.lastOutcome,
        nextRunAt: row.nextRunAt?.toISOString() ?? null,
        successCount: row.successCount,
        errorCount: row.errorCount,
        consecutiveFailures: row.consecutiveFailures,
        lastError: row.lastError,
        lastErrorAt: row.lastErrorAt?.toISOString() ?? null,
        lastDurationMs: row.lastDurationMs,
        avgDurationMs: row.avgDurationMs === null ? null : Math.round(row.avgDurationMs),
        recordsLast: row.recordsLast,
        recordsTotal: row.recordsTotal,
        successRate24h: successRateOf(runs.filter((r) => r.job === row.job)),
      };
    });
    const systemAlerts = activeAlerts.filter((a) => !rows.some((r) => r.job === a.subject));
    return {
      status: worst([...jobs.map((j) => j.health), ...systemAlerts.map(alertLevel)]),
      generatedAt: now.toISOString(),
      schedulerRunning: this.options.schedulerRunning?.() ?? false,
      jobs,
      activeAlerts,
      errorsByType24h,
      memoryMb: Math.round(this.memoryMb()),
    };
  }

  /** The latest sync result per tournament (F32), newest first. */
  async tournamentResults(limit: number): Promise<TournamentSyncStatus[]> {
    return this.options.history.tournaments(await this.options.getDb(), limit);
  }

  /** The charts' data (F36): buckets of success rate, duration and errors by type. */
  async performanceHistory(
    period: HistoryPeriod,
    entity: string | null,
  ): Promise<PerformanceHistory> {
    const db = await this.options.getDb();
    const now = this.now();
    const { from, to } = periodWindow(period, now);
    const runs = await this.options.history.runs(db, from, to, entity);
    const errors = await db
      .select({
        type: syncErrors.errorType,
        occurredAt: syncErrors.occurredAt,
        job: syncErrors.job,
      })
      .from(syncErrors)
      .where(and(gte(syncErrors.occurredAt, from), lt(syncErrors.occurredAt, to)));
    return buildPerformanceHistory(
      period,
      entity,
      runs,
      errors.filter((e) => !entity || e.job === entity),
      now,
    );
  }
}
