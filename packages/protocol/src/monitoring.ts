import { z } from 'zod/mini';

/**
 * Upstream sync jobs (F25–F28). The monitoring wire carries any job name the server runs, so
 * this is a pattern rather than an enum: a job added later needs no protocol change.
 */
export const syncJobNameSchema = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/));
export type SyncJobName = z.infer<typeof syncJobNameSchema>;

/** Classes of sync failures (F29, F33): the one list the upstream jobs and monitoring share. */
export const SYNC_ERROR_TYPES = [
  'NETWORK',
  'AUTH',
  'API',
  'DATABASE',
  'TIMEOUT',
  'VALIDATION',
] as const;
/** A sync failure's class, as the wire and the monitoring tables carry it. */
export const syncErrorTypeSchema = z.enum(SYNC_ERROR_TYPES);
export type SyncErrorType = z.infer<typeof syncErrorTypeSchema>;

/** How bad a failure or an alert is (F33, F35). */
export const severitySchema = z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
export type Severity = z.infer<typeof severitySchema>;

/** A job's (or the whole system's) health on the dashboard (F36). */
export const healthLevelSchema = z.enum(['HEALTHY', 'WARNING', 'CRITICAL']);
export type HealthLevel = z.infer<typeof healthLevelSchema>;

/** Outcome of one run: PARTIAL when some tournaments failed and others synced. */
export const runOutcomeSchema = z.enum(['SUCCESS', 'PARTIAL', 'FAILED']);
export type RunOutcome = z.infer<typeof runOutcomeSchema>;

const isoTime = z.iso.datetime({ offset: true });
const nullableTime = z.nullable(isoTime);

/** The `sync_status` row of one job (F32), as the dashboard shows it. */
export const syncJobStatusSchema = z.object({
  job: syncJobNameSchema,
  health: healthLevelSchema,
  /** Why the health is what it is, for people ("3 consecutive failures"). */
  healthReason: z.string(),
  active: z.boolean(),
  running: z.boolean(),
  lastRunAt: nullableTime,
  lastOutcome: z.nullable(runOutcomeSchema),
  nextRunAt: nullableTime,
  successCount: z.number(),
  errorCount: z.number(),
  consecutiveFailures: z.number(),
  lastError: z.nullable(z.string()),
  lastErrorAt: nullableTime,
  lastDurationMs: z.nullable(z.number()),
  avgDurationMs: z.nullable(z.number()),
  recordsLast: z.number(),
  recordsTotal: z.number(),
  /** Success rate over the last 24 h in percent; null when the job did not run. */
  successRate24h: z.nullable(z.number()),
});
export type SyncJobStatus = z.infer<typeof syncJobStatusSchema>;

/** An alert as the dashboard lists it (F35). */
export const alertSchema = z.object({
  id: z.number(),
  ruleId: z.string(),
  ruleName: z.string(),
  subject: z.string(),
  severity: severitySchema,
  status: z.enum(['OPEN', 'ACKNOWLEDGED', 'RESOLVED']),
  message: z.string(),
  value: z.nullable(z.number()),
  threshold: z.number(),
  openedAt: isoTime,
  escalationLevel: z.number(),
  escalatedAt: nullableTime,
  acknowledgedAt: nullableTime,
  acknowledgedBy: z.nullable(z.string()),
  resolvedAt: nullableTime,
});
export type Alert = z.infer<typeof alertSchema>;

/** Answer of `GET /api/v1/sync/monitoring/health-overview`. */
export const healthOverviewSchema = z.object({
  status: healthLevelSchema,
  generatedAt: isoTime,
  schedulerRunning: z.boolean(),
  jobs: z.array(syncJobStatusSchema),
  activeAlerts: z.array(alertSchema),
  /** Unresolved errors of the last 24 h by type. */
  errorsByType24h: z.record(z.string(), z.number()),
  memoryMb: z.number(),
});
export type HealthOverview = z.infer<typeof healthOverviewSchema>;

/** Chart windows of the dashboard. */
export const historyPeriodSchema = z.enum(['24h', '7d']);
export type HistoryPeriod = z.infer<typeof historyPeriodSchema>;

/** Query of `GET /api/v1/sync/monitoring/performance-history`; no entity = every job. */
export const performanceHistoryQuerySchema = z.object({
  period: z._default(historyPeriodSchema, '24h'),
  entity: z.optional(syncJobNameSchema),
});
export type PerformanceHistoryQuery = z.infer<typeof performanceHistoryQuerySchema>;

/** One time bucket of the charts: runs finished in [start, start + bucket). */
export const historyBucketSchema = z.object({
  start: isoTime,
  runs: z.number(),
  successes: z.number(),
  failures: z.number(),
  /** Percent of runs that succeeded (PARTIAL counts as a failure); null without runs. */
  successRate: z.nullable(z.number()),
  avgDurationMs: z.nullable(z.number()),
  maxDurationMs: z.nullable(z.number()),
  records: z.number(),
  errorsByType: z.record(z.string(), z.number()),
});
export type HistoryBucket = z.infer<typeof historyBucketSchema>;

/** Answer of `GET /api/v1/sync/monitoring/performance-history`. */
export const performanceHistorySchema = z.object({
  period: historyPeriodSchema,
  entity: z.nullable(syncJobNameSchema),
  from: isoTime,
  to: isoTime,
  bucketMinutes: z.number(),
  totals: z.object({
    runs: z.number(),
    successes: z.number(),
    failures: z.number(),
    successRate: z.nullable(z.number()),
    avgDurationMs: z.nullable(z.number()),
    p95DurationMs: z.nullable(z.number()),
    records: z.number(),
    errorsByType: z.record(z.string(), z.number()),
  }),
  buckets: z.array(historyBucketSchema),
});
export type PerformanceHistory = z.infer<typeof performanceHistorySchema>;
