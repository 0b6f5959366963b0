import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { matches, tournaments } from './schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A provider's score of a match as last seen (kept even when CourtSync's own score wins). */
export interface ProviderScore {
  sets: Array<{ a: number; b: number }>;
  setsWon: { a: number; b: number };
}

/**
 * Link of a provider's tournament (keyed on its number) to our `tournaments` row, with what
 * lets a sync skip unchanged data: the provider's Version and content hashes.
 */
export const upstreamTournaments = pgTable(
  'upstream_tournaments',
  {
    provider: text('provider').notNull(),
    providerNo: text('provider_no').notNull(),
    tournamentId: text('tournament_id')
      .notNull()
      .references(() => tournaments.id),
    code: text('code'),
    status: text('status', { enum: ['scheduled', 'running', 'finished', 'cancelled'] }).notNull(),
    /** Provider's Version of the tournament as listed (changes with it or any of its matches). */
    version: text('version'),
    contentHash: text('content_hash').notNull(),
    /** Provider Version of the tournament when its match list was last synced. */
    scheduleVersion: text('schedule_version'),
    scheduleSyncedAt: timestamptz('schedule_synced_at'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerNo] }),
    uniqueIndex('upstream_tournaments_tournament_key').on(t.tournamentId),
    index('upstream_tournaments_status_idx').on(t.provider, t.status),
  ],
);

/** Link of a provider's match (keyed on its number) to our `matches` row. */
export const upstreamMatches = pgTable(
  'upstream_matches',
  {
    provider: text('provider').notNull(),
    providerNo: text('provider_no').notNull(),
    matchId: text('match_id')
      .notNull()
      .references(() => matches.id),
    tournamentNo: text('tournament_no').notNull(),
    status: text('status', { enum: ['scheduled', 'live', 'finished'] }).notNull(),
    version: text('version'),
    contentHash: text('content_hash').notNull(),
    providerScore: jsonb('provider_score').$type<ProviderScore>().notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerNo] }),
    uniqueIndex('upstream_matches_match_key').on(t.matchId),
    index('upstream_matches_tournament_idx').on(t.provider, t.tournamentNo),
    index('upstream_matches_status_idx').on(t.provider, t.status),
  ],
);

/** A reschedule or court change the provider made ("moved from court 2 to court 4, 14:30 → 15:10"). */
export const matchScheduleChanges = pgTable(
  'match_schedule_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    matchId: text('match_id')
      .notNull()
      .references(() => matches.id),
    provider: text('provider').notNull(),
    oldCourt: text('old_court').notNull(),
    newCourt: text('new_court').notNull(),
    oldScheduledAt: timestamptz('old_scheduled_at').notNull(),
    newScheduledAt: timestamptz('new_scheduled_at').notNull(),
    executionId: bigint('execution_id', { mode: 'number' }),
    detectedAt: timestamptz('detected_at').notNull().defaultNow(),
  },
  (t) => [index('match_schedule_changes_match_idx').on(t.matchId, t.detectedAt)],
);

/** Health of a provider credential: 3 consecutive auth failures deactivate it (F29). */
export const upstreamCredentials = pgTable('upstream_credentials', {
  provider: text('provider').primaryKey(),
  /** Hash of the configured username + password: new credentials start active again. */
  fingerprint: text('fingerprint').notNull(),
  active: boolean('active').notNull().default(true),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  lastError: text('last_error'),
  lastFailureAt: timestamptz('last_failure_at'),
  deactivatedAt: timestamptz('deactivated_at'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** Validators of provider answers (ETag, content hash) per request, to skip unchanged data. */
export const upstreamCache = pgTable('upstream_cache', {
  key: text('key').primaryKey(),
  etag: text('etag'),
  contentHash: text('content_hash'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** One run of a sync job (F32's execution history; the monitoring builds on it). */
export const syncExecutions = pgTable(
  'sync_executions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobName: text('job_name').notNull(),
    provider: text('provider').notNull(),
    trigger: text('trigger', { enum: ['scheduled', 'manual', 'catch-up'] }).notNull(),
    /** The cron tick this run belongs to (null for manual runs). */
    scheduledFor: timestamptz('scheduled_for'),
    instanceId: text('instance_id').notNull(),
    status: text('status', { enum: ['running', 'success', 'partial', 'failed'] }).notNull(),
    startedAt: timestamptz('started_at').notNull(),
    finishedAt: timestamptz('finished_at'),
    durationMs: integer('duration_ms'),
    recordsProcessed: integer('records_processed').notNull().default(0),
    recordsWritten: integer('records_written').notNull().default(0),
    upstreamCalls: integer('upstream_calls').notNull().default(0),
    retries: integer('retries').notNull().default(0),
    success: boolean('success'),
    errorCategory: text('error_category'),
    errorMessage: text('error_message'),
    details: jsonb('details').$type<Record<string, number | number[]>>(),
  },
  (t) => [
    index('sync_executions_job_idx').on(t.jobName, t.startedAt),
    check(
      'sync_executions_status_check',
      sql`${t.status} in ('running', 'success', 'partial', 'failed')`,
    ),
  ],
);

/** What one run did for one tournament (F32's per-tournament result). */
export const syncTournamentResults = pgTable(
  'sync_tournament_results',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    executionId: bigint('execution_id', { mode: 'number' })
      .notNull()
      .references(() => syncExecutions.id),
    jobName: text('job_name').notNull(),
    provider: text('provider').notNull(),
    providerNo: text('provider_no').notNull(),
    tournamentId: text('tournament_id'),
    status: text('status', { enum: ['success', 'unchanged', 'failed'] }).notNull(),
    recordsProcessed: integer('records_processed').notNull().default(0),
    recordsWritten: integer('records_written').notNull().default(0),
    upstreamCalls: integer('upstream_calls').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    durationMs: integer('duration_ms').notNull().default(0),
    errorCategory: text('error_category'),
    errorMessage: text('error_message'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('sync_tournament_results_execution_idx').on(t.executionId),
    index('sync_tournament_results_tournament_idx').on(t.provider, t.providerNo, t.createdAt),
  ],
);

/** Claimed cron ticks: the first instance to insert (job, slot) runs it, the others skip (F30). */
export const syncJobSlots = pgTable(
  'sync_job_slots',
  {
    jobName: text('job_name').notNull(),
    slot: timestamptz('slot').notNull(),
    instanceId: text('instance_id').notNull(),
    claimedAt: timestamptz('claimed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobName, t.slot] })],
);
