import { z } from 'zod/mini';
import { countSchema, isoTimeSchema, uniqueIdSchema } from './ids';

/**
 * A device's background-sync settings (F14). The same object is stored on the device and on
 * the server (PUT settings), so a user's settings can follow them to a new phone.
 */
export const syncSettingsSchema = z.strictObject({
  /** Automatic sync (Background Sync, timers, reconnects). "Sync now" works either way. */
  enabled: z.boolean(),
  /** Without a charger, send only high-priority work and ops of a live match. */
  syncOnlyWhenCharging: z.boolean(),
  /** Below this battery level (percent) and not charging: the same as above. */
  minimumBatteryLevel: z.int().check(z.minimum(0), z.maximum(100)),
  /** Network requests a sync may have in flight at once (pulls after a push). */
  maximumConcurrentOperations: z.int().check(z.minimum(1), z.maximum(10)),
  /** Minutes between automatic runs while the app is open. */
  syncIntervalMinutes: z.int().check(z.minimum(1), z.maximum(1440)),
  /** Sends of one op that count as "keeps failing": it is shown as such in the queue. */
  maxRetryAttempts: z.int().check(z.minimum(1), z.maximum(100)),
  /** Score from which an op is high priority: it goes even when the battery rules hold work. */
  priorityThreshold: z.int().check(z.minimum(0), z.maximum(1000)),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

/** The settings of a new device. */
export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  enabled: true,
  syncOnlyWhenCharging: false,
  minimumBatteryLevel: 20,
  maximumConcurrentOperations: 3,
  syncIntervalMinutes: 5,
  maxRetryAttempts: 5,
  priorityThreshold: 100,
};

/** Whether the server lets a device's automatic sync run (POST pause / resume). */
export const backgroundStateSchema = z.enum(['active', 'paused']);
export type BackgroundState = z.infer<typeof backgroundStateSchema>;

/** Query of GET status and GET metrics: which device. */
export const deviceQuerySchema = z.object({ clientId: uniqueIdSchema });

/** Body of POST start / pause / resume: which device. */
export const deviceRequestSchema = z.strictObject({ clientId: uniqueIdSchema });

/** Body of PUT settings. */
export const putSettingsRequestSchema = z.strictObject({
  clientId: uniqueIdSchema,
  settings: syncSettingsSchema,
});

/** A device's background sync as the server knows it. */
export const backgroundStatusSchema = z.object({
  clientId: uniqueIdSchema,
  state: backgroundStateSchema,
  settings: syncSettingsSchema,
  /** Where the settings came from: this device, the user's other device, or the defaults. */
  settingsSource: z.enum(['device', 'user', 'default']),
  /** Last "Sync now" / POST start (ISO). */
  lastStartAt: z.nullable(isoTimeSchema),
  /** Last flush report received from the device (ISO). */
  lastReportAt: z.nullable(isoTimeSchema),
  updatedAt: z.nullable(isoTimeSchema),
});
export type BackgroundStatus = z.infer<typeof backgroundStatusSchema>;

/** What one flush did, as a device reports it (F24). */
export const flushReportSchema = z.strictObject({
  /** The report's own id: a report sent twice is stored once. */
  id: uniqueIdSchema,
  /** When the flush ended, on the device's clock. */
  at: isoTimeSchema,
  /** Ops the server took (applied or duplicate). */
  items: countSchema,
  /** Request body bytes sent. */
  bytes: countSchema,
  durationMs: countSchema,
  /** Ops refused, plus batches that failed and stay queued. */
  failures: countSchema,
  /** Sum over the items of their time in the queue (ms): average wait = waitMs / items. */
  waitMs: countSchema,
});
export type FlushReport = z.infer<typeof flushReportSchema>;

/** Most reports one POST metrics may carry. */
export const MAX_REPORTS_PER_POST = 100;

/** Body of POST metrics: a batch of reports. */
export const postMetricsRequestSchema = z.strictObject({
  clientId: uniqueIdSchema,
  reports: z.array(flushReportSchema).check(z.minLength(1), z.maxLength(MAX_REPORTS_PER_POST)),
});
export type PostMetricsRequest = z.infer<typeof postMetricsRequestSchema>;

/** Answer of POST metrics. */
export const postMetricsResponseSchema = z.object({ stored: countSchema, duplicates: countSchema });

/** Aggregates of a device's flush reports over a window (F24). */
export const syncMetricsSchema = z.object({
  clientId: uniqueIdSchema,
  windowMinutes: z.int(),
  flushes: countSchema,
  items: countSchema,
  bytes: countSchema,
  failures: countSchema,
  /** Items synced per minute of the window. */
  itemsPerMinute: z.number(),
  /** Items per minute while flushing (items / flush time). */
  flushItemsPerMinute: z.nullable(z.number()),
  /** items / (items + failures); null without any. */
  successRate: z.nullable(z.number()),
  /** Average time an item waited in the queue (ms); null without items. */
  averageWaitMs: z.nullable(z.number()),
  lastReportAt: z.nullable(isoTimeSchema),
});
export type SyncMetrics = z.infer<typeof syncMetricsSchema>;
