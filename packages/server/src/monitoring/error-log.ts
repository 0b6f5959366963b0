import type { SyncError, SyncErrorQuery } from '@courtsync/protocol';
import { and, desc, eq, gte } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { syncErrors } from '../db/schema';
import type { Database, Transaction } from '../db/types';
import { recoverySuggestion, severityOf } from './classify';
import type { JobRunReport } from './run-report';

type Db = Database | Transaction;
type Row = typeof syncErrors.$inferSelect;

/** Longest message or stack kept per error: a provider's HTML error page is not worth more. */
const MAX_TEXT = 4000;

function clip(value: unknown): unknown {
  return typeof value === 'string' && value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value;
}

/** Writes a run's failures to the error log with severity and recovery suggestion (F33). */
export async function logRunErrors(
  db: Db,
  report: JobRunReport,
  consecutiveFailures: number,
): Promise<Row[]> {
  if (report.errors.length === 0) return [];
  const rows = report.errors.map((failure) => ({
    job: report.job,
    executionId: report.executionId ?? null,
    tournamentNo: failure.tournamentNo ?? null,
    errorType: failure.type,
    severity: severityOf(failure, consecutiveFailures),
    message: String(clip(failure.message)),
    context: Object.fromEntries(
      Object.entries(failure.context ?? {}).map(([k, v]) => [k, clip(v)]),
    ),
    recoverySuggestion: recoverySuggestion(failure),
    occurredAt: report.finishedAt,
  }));
  return db.insert(syncErrors).values(rows).returning();
}

/** The error log, newest first, filtered (F33, F36). */
export async function listErrors(db: Db, query: SyncErrorQuery, since?: Date): Promise<Row[]> {
  const where: SQL[] = [];
  if (query.job) where.push(eq(syncErrors.job, query.job));
  if (query.type) where.push(eq(syncErrors.errorType, query.type));
  if (query.severity) where.push(eq(syncErrors.severity, query.severity));
  if (query.resolved !== undefined) where.push(eq(syncErrors.resolved, query.resolved));
  if (since) where.push(gte(syncErrors.occurredAt, since));
  return db
    .select()
    .from(syncErrors)
    .where(and(...where))
    .orderBy(desc(syncErrors.occurredAt), desc(syncErrors.id))
    .limit(query.limit);
}

/** Marks an error resolved with a person's notes; null when there is no such error. */
export async function resolveError(
  db: Db,
  id: number,
  by: string,
  notes: string,
  at: Date,
): Promise<Row | null> {
  const [row] = await db
    .update(syncErrors)
    .set({ resolved: true, resolvedAt: at, resolvedBy: by, resolutionNotes: notes })
    .where(eq(syncErrors.id, id))
    .returning();
  return row ?? null;
}

/** The wire shape of an error-log row. */
export function toSyncError(row: Row): SyncError {
  return {
    id: row.id,
    job: row.job,
    executionId: row.executionId,
    tournamentNo: row.tournamentNo,
    type: row.errorType,
    severity: row.severity,
    message: row.message,
    context: row.context,
    recoverySuggestion: row.recoverySuggestion,
    occurredAt: row.occurredAt.toISOString(),
    resolved: row.resolved,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy,
    resolutionNotes: row.resolutionNotes,
  };
}
