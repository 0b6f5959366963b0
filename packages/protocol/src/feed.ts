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
 * Data of a stream message of type `feed` (the SSE `id:` is `cursor`): the events committed
 * together after the previous message, filtered to the stream's match or tournament.
 */
export const streamFeedMessageSchema = z.object({
  events: z.array(feedEventSchema),
  cursor: feedCursorSchema,
});
export type StreamFeedMessage = z.infer<typeof streamFeedMessageSchema>;

/**
 * Data of the stream's first message, `ready`: the stream carries every event after `cursor`
 * (the head when it opened, or the Last-Event-ID it resumed from).
 */
export const streamReadyMessageSchema = z.object({ cursor: feedCursorSchema });
export type StreamReadyMessage = z.infer<typeof streamReadyMessageSchema>;

/** SSE event names of the live stream. */
export const STREAM_EVENT = {
  /** Committed events (data: StreamFeedMessage). */
  feed: 'feed',
  /** Sent once on connect: where the stream starts (data: { cursor }). */
  ready: 'ready',
} as const;
