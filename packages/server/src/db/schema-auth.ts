import { OP_TYPES } from '@courtsync/protocol';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { matches, tournaments } from './schema';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Someone who signs in (F21). E-mails are stored lower-cased; passwords only as bcrypt hashes. */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique('users_email_key'),
    name: text('name').notNull(),
    role: text('role', {
      enum: ['admin', 'scorekeeper', 'coach', 'media', 'spectator'],
    }).notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'users_role_check',
      sql`${t.role} in ('admin', 'scorekeeper', 'coach', 'media', 'spectator')`,
    ),
  ],
);

/**
 * One sign-in: the family of refresh tokens issued from one login. Access tokens name it
 * (`sid`), so revoking it (logout, a reused refresh token) ends every token of the family.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    revokedAt: timestamptz('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId)],
);

/** Refresh tokens, stored as SHA-256 hashes; `used_at` set once it was rotated. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => authSessions.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)],
);

/**
 * The key access tokens are signed with when AUTH_SECRET is not set: made at random once and
 * shared through the database, so every instance verifies every other's tokens.
 */
export const authKeys = pgTable('auth_keys', {
  id: integer('id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/** Who may write a match's score (F4): one row per match, in force until `expires_at`. */
export const matchClaims = pgTable(
  'match_claims',
  {
    matchId: text('match_id')
      .primaryKey()
      .references(() => matches.id),
    tournamentId: text('tournament_id')
      .notNull()
      .references(() => tournaments.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    claimedAt: timestamptz('claimed_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('match_claims_tournament_idx').on(t.tournamentId)],
);

/** Score ops refused for want of a claim, kept for an admin to accept or dismiss (F4, F18). */
export const reviewOps = pgTable(
  'review_ops',
  {
    opId: text('op_id').primaryKey(),
    matchId: text('match_id').notNull(),
    tournamentId: text('tournament_id').notNull(),
    clientId: text('client_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type', { enum: OP_TYPES }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    clientTime: timestamptz('client_time').notNull(),
    userId: text('user_id'),
    code: text('code').notNull(),
    message: text('message').notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'dismissed', 'applied'] })
      .notNull()
      .default('pending'),
    receivedAt: timestamptz('received_at').notNull().defaultNow(),
    resolvedAt: timestamptz('resolved_at'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [
    index('review_ops_status_idx').on(t.status, t.receivedAt),
    index('review_ops_match_idx').on(t.matchId, t.status),
    check(
      'review_ops_status_check',
      sql`${t.status} in ('pending', 'accepted', 'dismissed', 'applied')`,
    ),
  ],
);

/** The matches a coach or media user follows in an event (F5). */
export const coveragePlans = pgTable(
  'coverage_plans',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    tournamentId: text('tournament_id')
      .notNull()
      .references(() => tournaments.id),
    matchIds: jsonb('match_ids').$type<string[]>().notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'coverage_plans_pkey', columns: [t.userId, t.tournamentId] })],
);

/** Token buckets of the rate limiter when several instances share them (F22, F39). */
export const rateBuckets = pgTable('rate_buckets', {
  key: text('key').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  /** Milliseconds since the epoch of the last refill, by the database's clock. */
  updatedMs: bigint('updated_ms', { mode: 'number' }).notNull(),
});
