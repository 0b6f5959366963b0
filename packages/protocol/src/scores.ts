import { z } from 'zod/mini';
import {
  countSchema,
  entityIdSchema,
  isoTimeSchema,
  positiveIntSchema,
  uniqueIdSchema,
} from './ids';
import { appliedOpSchema, matchStateSchema, matchStatusSchema } from './matches';
import { correctedSetSchema, MAX_CORRECTED_SETS, matchFormatSchema } from './ops';

/**
 * Score APIs (F41) for other tools (a broadcaster's overlay, a federation's results page):
 * `/api/v1/events/:eventId/scores…`, where an event is a tournament.
 */

/** One side of a match: a stable id (filter `teamId`) and the name to show. */
export const scoreTeamSchema = z.object({ id: z.string(), name: z.string() });

/** A match's score as the score APIs publish it. */
export const matchScoreSchema = z.object({
  matchId: entityIdSchema,
  eventId: entityIdSchema,
  division: z.nullable(z.string()),
  format: matchFormatSchema,
  court: z.string(),
  scheduledAt: isoTimeSchema,
  status: matchStatusSchema,
  teams: z.object({ A: scoreTeamSchema, B: scoreTeamSchema }),
  /** 1-based number of the set in play (or the last one played). */
  currentSet: positiveIntSchema,
  /** The whole derived state: sets, sets won, serving team, winner, timeouts… */
  state: matchStateSchema,
  /** Bumped by every event of the match: a cheap "did anything change" for pollers. */
  version: countSchema,
  eventCount: countSchema,
  /** Server time of the match's first event; null before the first rally. */
  startedAt: z.nullable(isoTimeSchema),
  /** Server time of the last change of a finished match; null while not finished. */
  finishedAt: z.nullable(isoTimeSchema),
  updatedAt: isoTimeSchema,
});
export type MatchScore = z.infer<typeof matchScoreSchema>;

/** Longest division name a filter may carry. */
const MAX_FILTER_LENGTH = 200;

/** Query of `GET /api/v1/events/:eventId/scores`: both filters optional, combined with AND. */
export const scoreListQuerySchema = z.object({
  teamId: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_FILTER_LENGTH))),
  division: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_FILTER_LENGTH))),
});
export type ScoreListQuery = z.infer<typeof scoreListQuerySchema>;

/** Answer of `GET /api/v1/events/:eventId/scores`: matches by scheduled time. */
export const scoreListResponseSchema = z.object({
  eventId: entityIdSchema,
  scores: z.array(matchScoreSchema),
});
export type ScoreListResponse = z.infer<typeof scoreListResponseSchema>;

/** Most history entries one page returns. */
export const MAX_HISTORY_LIMIT = 500;
/** History entries per page when `limit` is not given. */
export const DEFAULT_HISTORY_LIMIT = 50;

/** Query of `GET …/scores/:matchId/history`: a page of the match's log, oldest first. */
export const historyQuerySchema = z.object({
  limit: z._default(
    z.coerce.number().check(z.int(), z.positive(), z.maximum(MAX_HISTORY_LIMIT)),
    DEFAULT_HISTORY_LIMIT,
  ),
  offset: z._default(z.coerce.number().check(z.int(), z.nonnegative()), 0),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

/** The score right after an event of the log (undone rallies and all, as it stood then). */
export const runningScoreSchema = z.object({
  /** 1-based set in play after the event. */
  set: positiveIntSchema,
  a: countSchema,
  b: countSchema,
  setsWon: z.object({ A: countSchema, B: countSchema }),
});
export type RunningScore = z.infer<typeof runningScoreSchema>;

/** One event of a match's log with its place, its feed position and the score after it. */
export const historyEntrySchema = z.extend(appliedOpSchema, {
  /** 1-based place in the match's log. */
  position: positiveIntSchema,
  /** Server position in the change feed (pull cursor). */
  feedPosition: positiveIntSchema,
  /** False when the rules refused it in the log's order (it stays in the log, not counted). */
  counted: z.boolean(),
  score: runningScoreSchema,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Answer of `GET …/scores/:matchId/history`. */
export const historyResponseSchema = z.object({
  eventId: entityIdSchema,
  matchId: entityIdSchema,
  /** Events in the whole log (for paging). */
  total: countSchema,
  limit: positiveIntSchema,
  offset: countSchema,
  events: z.array(historyEntrySchema),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

/** Paths of the score APIs (F41); `eventId` is a tournament id. */
export const SCORE_API = {
  list: (eventId: string) => `/api/v1/events/${encodeURIComponent(eventId)}/scores`,
  match: (eventId: string, matchId: string) =>
    `/api/v1/events/${encodeURIComponent(eventId)}/scores/${encodeURIComponent(matchId)}`,
  history: (eventId: string, matchId: string) =>
    `/api/v1/events/${encodeURIComponent(eventId)}/scores/${encodeURIComponent(matchId)}/history`,
} as const;

/**
 * Body of `POST /api/v1/events/:eventId/scores`: an official's set-by-set correction of one
 * match. It becomes a `correction` event of the match's log (replayed, pulled and streamed
 * like any other). `opId` makes a retry safe: the same opId is answered as the first time.
 */
export const scoreCorrectionRequestSchema = z.strictObject({
  matchId: entityIdSchema,
  sets: z.array(correctedSetSchema).check(z.minLength(1), z.maxLength(MAX_CORRECTED_SETS)),
  opId: z.optional(uniqueIdSchema),
  /** Why (kept in the server's request log; the log event carries the sets only). */
  reason: z.optional(z.string().check(z.maxLength(500))),
});
export type ScoreCorrectionRequest = z.infer<typeof scoreCorrectionRequestSchema>;

/** Answer of a correction: 201 when recorded now, 200 when this opId was recorded before. */
export const scoreCorrectionResponseSchema = z.object({
  opId: uniqueIdSchema,
  status: z.enum(['applied', 'duplicate']),
  score: matchScoreSchema,
});
export type ScoreCorrectionResponse = z.infer<typeof scoreCorrectionResponseSchema>;
