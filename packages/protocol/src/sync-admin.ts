import { z } from 'zod/mini';
import {
  runOutcomeSchema,
  severitySchema,
  syncErrorTypeSchema,
  syncJobNameSchema,
} from './monitoring';

const isoTime = z.iso.datetime({ offset: true });
const nullableTime = z.nullable(isoTime);
const note = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

/** One classified failure of the error log (F33). */
export const syncErrorSchema = z.object({
  id: z.number(),
  job: syncJobNameSchema,
  executionId: z.nullable(z.string()),
  tournamentNo: z.nullable(z.string()),
  type: syncErrorTypeSchema,
  severity: severitySchema,
  message: z.string(),
  /** Request (method, url), response status, stack … whatever the failure carried. */
  context: z.record(z.string(), z.unknown()),
  recoverySuggestion: z.string(),
  occurredAt: isoTime,
  resolved: z.boolean(),
  resolvedAt: nullableTime,
  resolvedBy: z.nullable(z.string()),
  resolutionNotes: z.nullable(z.string()),
});
export type SyncError = z.infer<typeof syncErrorSchema>;

const booleanParam = z.pipe(
  z.enum(['true', 'false']),
  z.transform((v: 'true' | 'false') => v === 'true'),
);

/** Filters of `GET /api/v1/sync/monitoring/errors`. */
export const syncErrorQuerySchema = z.object({
  job: z.optional(syncJobNameSchema),
  type: z.optional(syncErrorTypeSchema),
  severity: z.optional(severitySchema),
  resolved: z.optional(booleanParam),
  limit: z._default(z.coerce.number().check(z.int(), z.positive(), z.maximum(500)), 100),
});
export type SyncErrorQuery = z.infer<typeof syncErrorQuerySchema>;

/** Answer of `GET /api/v1/sync/monitoring/errors`. */
export const syncErrorListSchema = z.object({ errors: z.array(syncErrorSchema) });
export type SyncErrorList = z.infer<typeof syncErrorListSchema>;

/** Body of `POST /api/v1/sync/monitoring/errors/:id/resolve`. */
export const resolveErrorBodySchema = z.object({ notes: note });
export type ResolveErrorBody = z.infer<typeof resolveErrorBodySchema>;

/** Body of `POST /api/v1/sync/monitoring/alerts/:id/acknowledge` (a note is optional). */
export const acknowledgeAlertBodySchema = z.object({ note: z.optional(note) });

/** Where an alert goes (F35). */
export const alertChannelSchema = z.enum(['dashboard', 'webhook', 'email']);
export type AlertChannel = z.infer<typeof alertChannelSchema>;

/** What a rule measures. */
export const alertMetricSchema = z.enum([
  'consecutive_failures',
  'success_rate',
  'duration_seconds',
  'memory_mb',
]);
export type AlertMetric = z.infer<typeof alertMetricSchema>;

/** An alert rule (F35); `job` null applies it to the whole system. */
export const alertRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  job: z.nullable(syncJobNameSchema),
  metric: alertMetricSchema,
  comparator: z.enum(['gte', 'gt', 'lte', 'lt']),
  threshold: z.number(),
  windowMinutes: z.nullable(z.number()),
  severity: severitySchema,
  escalateAfterMinutes: z.number(),
  channels: z.array(alertChannelSchema),
  enabled: z.boolean(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

/** Body of `PUT /api/v1/sync/admin/alert-rules/:id`: the fields an admin may change. */
export const alertRuleUpdateSchema = z.object({
  threshold: z.optional(z.number().check(z.nonnegative())),
  windowMinutes: z.optional(z.number().check(z.int(), z.positive(), z.maximum(60 * 24 * 7))),
  severity: z.optional(severitySchema),
  escalateAfterMinutes: z.optional(z.number().check(z.int(), z.positive(), z.maximum(1440))),
  channels: z.optional(z.array(alertChannelSchema)),
  enabled: z.optional(z.boolean()),
});
export type AlertRuleUpdate = z.infer<typeof alertRuleUpdateSchema>;

/** Queue order of manual runs: EMERGENCY first (F37). */
export const triggerPrioritySchema = z.enum(['EMERGENCY', 'HIGH', 'NORMAL', 'LOW']);
export type TriggerPriority = z.infer<typeof triggerPrioritySchema>;

/** Body of `POST /api/v1/sync/admin/manual-trigger`. */
export const manualTriggerBodySchema = z.object({
  entity_type: syncJobNameSchema,
  tournament_no: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/))),
  priority: z._default(triggerPrioritySchema, 'NORMAL'),
  reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(500)),
});
export type ManualTriggerBody = z.infer<typeof manualTriggerBodySchema>;

/** Where a manual run is. */
export const triggerStatusSchema = z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED']);
export type TriggerStatus = z.infer<typeof triggerStatusSchema>;

/** Answer of the manual trigger (and of polling it): progress is a percentage. */
export const manualTriggerResponseSchema = z.object({
  sync_job_id: z.string(),
  status: triggerStatusSchema,
  progress: z.number(),
});
export type ManualTriggerResponse = z.infer<typeof manualTriggerResponseSchema>;

/** One row of the manual-trigger audit log (who, why, when, outcome, records). */
export const triggerAuditSchema = z.object({
  id: z.string(),
  job: syncJobNameSchema,
  tournamentNo: z.nullable(z.string()),
  priority: triggerPrioritySchema,
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: isoTime,
  status: triggerStatusSchema,
  progress: z.number(),
  progressMessage: z.nullable(z.string()),
  startedAt: nullableTime,
  finishedAt: nullableTime,
  outcome: z.nullable(runOutcomeSchema),
  recordsProcessed: z.nullable(z.number()),
  error: z.nullable(z.string()),
});
export type TriggerAudit = z.infer<typeof triggerAuditSchema>;

/** Answer of `GET /api/v1/sync/admin/audit-log`. */
export const triggerAuditListSchema = z.object({ triggers: z.array(triggerAuditSchema) });

/** Latest sync of one tournament (F32's per-tournament results), for the dashboard. */
export const tournamentSyncStatusSchema = z.object({
  tournamentNo: z.string(),
  name: z.nullable(z.string()),
  job: syncJobNameSchema,
  outcome: runOutcomeSchema,
  syncedAt: isoTime,
  records: z.number(),
  error: z.nullable(z.string()),
});
export type TournamentSyncStatus = z.infer<typeof tournamentSyncStatusSchema>;

/** Answer of `GET /api/v1/sync/monitoring/tournaments`. */
export const tournamentSyncListSchema = z.object({
  tournaments: z.array(tournamentSyncStatusSchema),
});
