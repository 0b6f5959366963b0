import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/types';
import { syncStatus } from '../db/schema';
import type { JobRunReport } from './run-report';

type Db = Database | Transaction;

/** Makes sure every known job has its row (a job that never ran still shows on the dashboard). */
export async function ensureJobRows(db: Db, jobs: readonly string[]): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insert(syncStatus)
    .values(jobs.map((job) => ({ job })))
    .onConflictDoNothing();
}

/** Marks a run as started (F32: last run, next run, running). */
export async function recordRunStarted(
  db: Db,
  job: string,
  at: Date,
  nextRunAt?: Date | null,
): Promise<void> {
  const next = nextRunAt === undefined ? {} : { nextRunAt };
  await db
    .insert(syncStatus)
    .values({ job, running: true, lastRunAt: at, updatedAt: at, ...next })
    .onConflictDoUpdate({
      target: syncStatus.job,
      set: { running: true, lastRunAt: at, updatedAt: at, ...next },
    });
}

/**
 * Folds a finished run into the job's row in one statement (safe against concurrent runs of
 * other jobs and other instances). SUCCESS counts as a success; FAILED and PARTIAL as errors.
 * Consecutive failures count FAILED runs only: a PARTIAL run still synced most tournaments
 * (the success-rate rule catches a job that keeps failing part of its work).
 * Returns the row after the update.
 */
export async function recordRunFinished(
  db: Db,
  report: JobRunReport,
): Promise<typeof syncStatus.$inferSelect> {
  const durationMs = Math.max(0, report.finishedAt.getTime() - report.startedAt.getTime());
  const ok = report.outcome === 'SUCCESS';
  const failed = report.outcome === 'FAILED';
  const firstError = report.errors[0]?.message ?? (ok ? null : `Run ended ${report.outcome}`);
  const next = report.nextRunAt === undefined ? {} : { nextRunAt: report.nextRunAt };
  const s = syncStatus;
  const [row] = await db
    .insert(s)
    .values({
      job: report.job,
      running: false,
      lastRunAt: report.startedAt,
      lastFinishedAt: report.finishedAt,
      lastOutcome: report.outcome,
      successCount: ok ? 1 : 0,
      errorCount: ok ? 0 : 1,
      consecutiveFailures: failed ? 1 : 0,
      lastError: ok ? null : firstError,
      lastErrorAt: ok ? null : report.finishedAt,
      lastDurationMs: durationMs,
      avgDurationMs: durationMs,
      recordsLast: report.recordsProcessed,
      recordsTotal: report.recordsProcessed,
      updatedAt: report.finishedAt,
      ...next,
    })
    .onConflictDoUpdate({
      target: s.job,
      set: {
        running: false,
        lastRunAt: report.startedAt,
        lastFinishedAt: report.finishedAt,
        lastOutcome: report.outcome,
        successCount: sql`${s.successCount} + ${ok ? 1 : 0}`,
        errorCount: sql`${s.errorCount} + ${ok ? 0 : 1}`,
        consecutiveFailures: failed ? sql`${s.consecutiveFailures} + 1` : 0,
        ...(ok ? {} : { lastError: firstError, lastErrorAt: report.finishedAt }),
        lastDurationMs: durationMs,
        // Running mean over every run so far, folded in without reading the history.
        avgDurationMs: sql`(coalesce(${s.avgDurationMs}, 0) * (${s.successCount} + ${s.errorCount}) + ${durationMs}) / (${s.successCount} + ${s.errorCount} + 1)`,
        recordsLast: report.recordsProcessed,
        recordsTotal: sql`${s.recordsTotal} + ${report.recordsProcessed}`,
        updatedAt: report.finishedAt,
        ...next,
      },
    })
    .returning();
  if (!row) throw new Error(`sync_status row of ${report.job} missing after upsert`);
  return row;
}

/** Pauses or resumes a job's scheduled runs (F37); creates its row if it has none yet. */
export async function setJobActive(
  db: Db,
  job: string,
  active: boolean,
  by: string,
  at: Date,
): Promise<void> {
  const fields = {
    active,
    pausedAt: active ? null : at,
    pausedBy: active ? null : by,
    updatedAt: at,
  };
  await db
    .insert(syncStatus)
    .values({ job, ...fields })
    .onConflictDoUpdate({ target: syncStatus.job, set: fields });
}

/** Whether scheduled runs of `job` may start (no row yet = active). */
export async function isJobActive(db: Db, job: string): Promise<boolean> {
  const [row] = await db
    .select({ active: syncStatus.active })
    .from(syncStatus)
    .where(eq(syncStatus.job, job));
  return row?.active ?? true;
}

/** Every job's row, by name. */
export function listJobStatus(db: Db): Promise<(typeof syncStatus.$inferSelect)[]> {
  return db.select().from(syncStatus).orderBy(syncStatus.job);
}
