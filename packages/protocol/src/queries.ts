import { z } from 'zod/mini';
import { MAX_PULL_LIMIT } from './feed';
import { entityIdSchema, uniqueIdSchema } from './ids';

// Query strings of GET routes: the server parses them with these; clients build them by hand.
// Apart from the bodies so that the service worker, which pulls and posts reports, does not
// carry them and the coercions, defaults and transforms they alone use (bench figure 8b; zod's
// `.check()` chains stay in a bundle even where unused).

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

/** Query of GET metrics: the device and the window (minutes back from now, default 60). */
export const metricsQuerySchema = z.object({
  clientId: uniqueIdSchema,
  windowMinutes: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,5}$/, 'whole minutes')),
      z.transform((s) => Number(s)),
    ),
  ),
});
