import { z } from 'zod/mini';
import { appliedOpSchema } from './matches';
import { countSchema, entityIdSchema, positiveIntSchema } from './ids';

/**
 * A server position: one ever-growing order of every applied event of the whole server
 * (F42). A cursor is the last position a reader has seen; 0 before the first event.
 */
export const feedCursorSchema = countSchema;

/** One applied event as the change feed carries it (pull and live stream alike). */
export const feedEventSchema = z.extend(appliedOpSchema, {
  /** Server position of this event (the feed's order). */
  position: positiveIntSchema,
  matchId: entityIdSchema,
  tournamentId: entityIdSchema,
  /** 1-based place of the event in its match's log. */
  matchPosition: positiveIntSchema,
});
export type FeedEvent = z.infer<typeof feedEventSchema>;

/** Most events one pull returns; the client pulls again while `hasMore`. */
export const MAX_PULL_LIMIT = 1000;

/**
 * Query of `GET /api/v1/sync/pull`: events after `cursor`, of one match or one tournament
 * (or of the whole server when neither is given).
 */
export const pullQuerySchema = z.object({
  cursor: z._default(z.coerce.number().check(z.int(), z.nonnegative()), 0),
  match: z.optional(entityIdSchema),
  tournament: z.optional(entityIdSchema),
  limit: z._default(
    z.coerce.number().check(z.int(), z.positive(), z.maximum(MAX_PULL_LIMIT)),
    MAX_PULL_LIMIT,
  ),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

/**
 * Answer of a pull. `cursor` is where the next pull starts: the last event returned when
 * `hasMore`, else the feed's head at the time of reading (so unrelated positions are skipped).
 */
export const pullResponseSchema = z.object({
  events: z.array(feedEventSchema),
  cursor: feedCursorSchema,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * Query of `GET /api/v1/sync/stream` (Server-Sent Events): the feed of one match or one
 * tournament (or everything). `cursor` is the start when there is no `Last-Event-ID` header
 * (a new EventSource); the header wins when both are present.
 */
export const streamQuerySchema = z.object({
  cursor: z.optional(z.coerce.number().check(z.int(), z.nonnegative())),
  match: z.optional(entityIdSchema),
  tournament: z.optional(entityIdSchema),
});
export type StreamQuery = z.infer<typeof streamQuerySchema>;

/**
 * Data of a stream message of type `feed` (the SSE `id:` is `cursor`): the events committed
 * together after the previous message, filtered to the stream's match or tournament.
 */
export const streamFeedMessageSchema = z.object({
  events: z.array(feedEventSchema),
  cursor: feedCursorSchema,
});
export type StreamFeedMessage = z.infer<typeof streamFeedMessageSchema>;

/** SSE event names of the live stream. */
export const STREAM_EVENT = {
  /** Committed events (data: StreamFeedMessage). */
  feed: 'feed',
  /** Sent once on connect: where the stream starts (data: { cursor }). */
  ready: 'ready',
} as const;
