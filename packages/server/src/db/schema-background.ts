import type { SyncSettings } from '@courtsync/protocol';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Background sync per device (F23): its settings, the server's pause, the last manual run.
 * Keyed by the client id the outbox already uses; `user_id` is filled once sign-in exists
 * (issue #11), so a user's settings can follow them to a new phone.
 */
export const backgroundSyncDevices = pgTable(
  'background_sync_devices',
  {
    clientId: text('client_id').primaryKey(),
    userId: text('user_id'),
    state: text('state', { enum: ['active', 'paused'] })
      .notNull()
      .default('active'),
    settings: jsonb('settings').$type<SyncSettings>(),
    settingsUpdatedAt: timestamptz('settings_updated_at'),
    lastStartAt: timestamptz('last_start_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('background_sync_devices_user_idx').on(t.userId, t.settingsUpdatedAt),
    check('background_sync_devices_state_check', sql`${t.state} in ('active', 'paused')`),
  ],
);

/** One flush as a device reported it (F24); aggregated by GET metrics. */
export const backgroundSyncReports = pgTable(
  'background_sync_reports',
  {
    /** The device's id for the report: a report sent twice is stored once. */
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull(),
    userId: text('user_id'),
    /** The device's clock (shown); windows use `received_at`, the server's clock. */
    reportedAt: timestamptz('reported_at').notNull(),
    receivedAt: timestamptz('received_at').notNull().defaultNow(),
    items: integer('items').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    failures: integer('failures').notNull(),
    waitMs: bigint('wait_ms', { mode: 'number' }).notNull(),
  },
  (t) => [index('background_sync_reports_client_idx').on(t.clientId, t.receivedAt)],
);
