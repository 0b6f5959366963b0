import { OP_TYPES } from '@courtsync/protocol';
import type { MatchState } from '@courtsync/scoring';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

/** Timestamps are always timestamptz and surface as JS Dates (ISO-8601 UTC on the wire). */
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A tournament: the unit spectators browse and upstream providers deliver. */
export const tournaments = pgTable('tournaments', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  location: text('location').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/** A scheduled match; `state` is the derived MatchState cached from its event log. */
export const matches = pgTable(
  'matches',
  {
    id: text('id').primaryKey(),
    tournamentId: text('tournament_id')
      .notNull()
      .references(() => tournaments.id),
    format: text('format', { enum: ['indoor', 'beach'] }).notNull(),
    teamA: text('team_a').notNull(),
    teamB: text('team_b').notNull(),
    court: text('court').notNull(),
    scheduledAt: timestamptz('scheduled_at').notNull(),
    status: text('status', { enum: ['scheduled', 'live', 'finished'] })
      .notNull()
      .default('scheduled'),
    state: jsonb('state').$type<MatchState>().notNull(),
    // Bumped by every change to the event log; the push service's replayer cache relies on it.
    version: integer('version').notNull().default(0),
    eventCount: integer('event_count').notNull().default(0),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('matches_tournament_idx').on(t.tournamentId, t.scheduledAt),
    check('matches_format_check', sql`${t.format} in ('indoor', 'beach')`),
    check('matches_status_check', sql`${t.status} in ('scheduled', 'live', 'finished')`),
  ],
);

/** The applied op log of every match: the source of truth its `state` is replayed from. */
export const matchEvents = pgTable(
  'match_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    matchId: text('match_id')
      .notNull()
      .references(() => matches.id),
    /** 1-based, contiguous per match: the replay order. */
    position: integer('position').notNull(),
    /**
     * Server position (the change feed's order, one sequence for the whole server), taken
     * from `feed_head` inside the push transaction so positions become visible in order.
     */
    feedPosition: bigint('feed_position', { mode: 'number' }).notNull(),
    /** The match's tournament, copied here so the feed filters without a join. */
    tournamentId: text('tournament_id').notNull(),
    opId: text('op_id').notNull().unique('match_events_op_id_key'),
    clientId: text('client_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type', { enum: OP_TYPES }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    clientTime: timestamptz('client_time').notNull(),
    serverTime: timestamptz('server_time').notNull().defaultNow(),
  },
  (t) => [
    // These two keys are what makes a push exactly-once even when requests race.
    unique('match_events_client_seq_key').on(t.clientId, t.seq),
    unique('match_events_match_position_key').on(t.matchId, t.position),
    unique('match_events_feed_position_key').on(t.feedPosition),
    index('match_events_tournament_feed_idx').on(t.tournamentId, t.feedPosition),
    index('match_events_match_feed_idx').on(t.matchId, t.feedPosition),
    // Must list OP_TYPES (migration 0005 writes the same list).
    check(
      'match_events_type_check',
      sql`${t.type} in ('rally', 'undo', 'timeout', 'substitution', 'sanction', 'first-server', 'correction')`,
    ),
  ],
);

/**
 * The change feed's head: one row (id 1) holding the highest server position handed out. A
 * push takes it with `UPDATE … RETURNING` as its last step, so a second writer waits on the
 * row lock until the first commits and positions become visible in order (change-feed.md §1).
 */
export const feedHead = pgTable('feed_head', {
  id: integer('id').primaryKey(),
  position: bigint('position', { mode: 'number' }).notNull(),
});

/** Per device: how far its pushes got (monitoring and support, F10). */
export const pushCursors = pgTable('push_cursors', {
  clientId: text('client_id').primaryKey(),
  /** Highest seq applied from this client, over all matches. */
  lastSeq: integer('last_seq').notNull(),
  opsApplied: integer('ops_applied').notNull().default(0),
  lastPushAt: timestamptz('last_push_at').notNull().defaultNow(),
});
export * from './schema-upstream';
export * from './schema-monitoring';
export * from './schema-scores';

// Users, sign-in sessions, match claims, review list, coverage plans, rate-limit buckets (F4, F5, F21, F22).
export * from './schema-auth';
export * from './schema-background';
