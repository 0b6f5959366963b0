import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Timestamps are timestamptz surfacing as JS Dates (ISO-8601 UTC on the wire). */
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One row per upstream sync job (F32), kept by the jobs' run hooks; `active` is pause/resume. */
export const syncStatus = pgTable('sync_status', {
  job: text('job').primaryKey(),
  active: boolean('active').notNull().default(true),
  running: boolean('running').notNull().default(false),
  lastRunAt: timestamptz('last_run_at'),
  lastFinishedAt: timestamptz('last_finished_at'),
  lastOutcome: text('last_outcome', { enum: ['SUCCESS', 'PARTIAL', 'FAILED'] }),
  nextRunAt: timestamptz('next_run_at'),
  successCount: integer('success_count').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  lastError: text('last_error'),
  lastErrorAt: timestamptz('last_error_at'),
  lastDurationMs: integer('last_duration_ms'),
  avgDurationMs: doublePrecision('avg_duration_ms'),
  recordsLast: integer('records_last').notNull().default(0),
  recordsTotal: bigint('records_total', { mode: 'number' }).notNull().default(0),
  pausedAt: timestamptz('paused_at'),
  pausedBy: text('paused_by'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** The error log (F33): one classified failure with context and what a person can do. */
export const syncErrors = pgTable(
  'sync_errors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    job: text('job').notNull(),
    executionId: text('execution_id'),
    tournamentNo: text('tournament_no'),
    errorType: text('error_type', {
      enum: ['NETWORK', 'AUTH', 'API', 'DATABASE', 'TIMEOUT', 'VALIDATION'],
    }).notNull(),
    severity: text('severity', { enum: ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] }).notNull(),
    message: text('message').notNull(),
    context: jsonb('context').$type<Record<string, unknown>>().notNull().default({}),
    recoverySuggestion: text('recovery_suggestion').notNull(),
    occurredAt: timestamptz('occurred_at').notNull(),
    resolved: boolean('resolved').notNull().default(false),
    resolvedAt: timestamptz('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolutionNotes: text('resolution_notes'),
  },
  (t) => [
    index('sync_errors_occurred_idx').on(t.occurredAt),
    index('sync_errors_job_occurred_idx').on(t.job, t.occurredAt),
  ],
);

/** Alert rules (F35), seeded with the defaults by the migration; `job` null = system-wide. */
export const alertRules = pgTable('alert_rules', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  job: text('job'),
  metric: text('metric', {
    enum: ['consecutive_failures', 'success_rate', 'duration_seconds', 'memory_mb'],
  }).notNull(),
  comparator: text('comparator', { enum: ['gte', 'gt', 'lte', 'lt'] }).notNull(),
  threshold: doublePrecision('threshold').notNull(),
  windowMinutes: integer('window_minutes'),
  severity: text('severity', { enum: ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] }).notNull(),
  escalateAfterMinutes: integer('escalate_after_minutes').notNull().default(15),
  channels: jsonb('channels')
    .$type<('dashboard' | 'webhook' | 'email')[]>()
    .notNull()
    .default(['dashboard', 'webhook', 'email']),
  enabled: boolean('enabled').notNull().default(true),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/** Alerts: at most one unresolved per rule and subject (a job, `overall` or `process`). */
export const alerts = pgTable(
  'alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ruleId: text('rule_id')
      .notNull()
      .references(() => alertRules.id),
    subject: text('subject').notNull(),
    severity: text('severity', { enum: ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] }).notNull(),
    status: text('status', { enum: ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] }).notNull(),
    message: text('message').notNull(),
    value: doublePrecision('value'),
    threshold: doublePrecision('threshold').notNull(),
    openedAt: timestamptz('opened_at').notNull(),
    escalationLevel: integer('escalation_level').notNull().default(0),
    escalatedAt: timestamptz('escalated_at'),
    acknowledgedAt: timestamptz('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    acknowledgeNote: text('acknowledge_note'),
    resolvedAt: timestamptz('resolved_at'),
  },
  (t) => [
    uniqueIndex('alerts_one_active_key')
      .on(t.ruleId, t.subject)
      .where(sql`${t.status} <> 'RESOLVED'`),
  ],
);

/** Every notification sent (or given up on) for an alert, per channel and event. */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    alertId: bigint('alert_id', { mode: 'number' })
      .notNull()
      .references(() => alerts.id),
    channel: text('channel').notNull(),
    event: text('event').notNull(),
    ok: boolean('ok').notNull(),
    attempts: integer('attempts').notNull(),
    detail: text('detail'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('alert_deliveries_alert_idx').on(t.alertId)],
);

/** Manual runs (F37): the priority queue and, once finished, the audit log. */
export const manualTriggers = pgTable(
  'manual_triggers',
  {
    id: text('id').primaryKey(),
    job: text('job').notNull(),
    tournamentNo: text('tournament_no'),
    priority: text('priority', { enum: ['EMERGENCY', 'HIGH', 'NORMAL', 'LOW'] }).notNull(),
    /** Higher runs first: EMERGENCY 3 … LOW 0. */
    priorityRank: integer('priority_rank').notNull(),
    reason: text('reason').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamptz('requested_at').notNull(),
    status: text('status', { enum: ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] })
      .notNull()
      .default('QUEUED'),
    progress: integer('progress').notNull().default(0),
    progressMessage: text('progress_message'),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
    outcome: text('outcome', { enum: ['SUCCESS', 'PARTIAL', 'FAILED'] }),
    recordsProcessed: integer('records_processed'),
    executionId: text('execution_id'),
    error: text('error'),
  },
  (t) => [
    index('manual_triggers_queue_idx').on(t.status, t.priorityRank, t.requestedAt),
    index('manual_triggers_requested_idx').on(t.requestedAt),
  ],
);
