import { streamQuerySchema } from '@courtsync/protocol';
import type { StreamFeedMessage } from '@courtsync/protocol';
import { z } from 'zod/mini';
import { liveHubFor } from '../services/feed/hub-registry';
import type { FeedSubscription } from '../services/feed/live-hub';
import { missingFeedTarget, readFeedHead } from '../services/feed/read-feed';
import { toIssues } from '../services/push/validate-ops';
import type { HandlerDeps } from './handler-deps';
import { parseQuery } from './handler-deps';
import { errorResponse, HttpError } from './responses';
import { feedFrameBytes, PING_FRAME, readyFrame, SSE_HEADERS } from './sse-frames';
import { withRoute } from './with-route';

/** Handler of /api/v1/sync/stream. */
export interface StreamHandler {
  /** GET /api/v1/sync/stream: the change feed as Server-Sent Events. */
  stream(request: Request): Promise<Response>;
}

/** Options of the stream handler. */
export interface StreamOptions {
  /** Interval of `: ping` comments in ms; default 15 s (tests use a short one). */
  pingIntervalMs?: number;
}

const DEFAULT_PING_MS = 15_000;
/** A reader this many bytes behind is dropped; it reconnects and resumes with Last-Event-ID. */
const MAX_QUEUED_BYTES = 16 * 1024 * 1024;

const lastEventIdSchema = z.coerce.number().check(z.int(), z.nonnegative());

/** The start cursor: `Last-Event-ID` (a reconnecting EventSource) wins over `?cursor=`. */
function startCursor(request: Request, queryCursor: number | undefined): number | undefined {
  const header = request.headers.get('last-event-id')?.trim();
  if (!header) return queryCursor;
  const parsed = lastEventIdSchema.safeParse(header);
  if (!parsed.success) {
    const issues = toIssues(parsed.error, ['headers', 'last-event-id']);
    throw new HttpError(400, 'VALIDATION_FAILED', 'Invalid Last-Event-ID header', issues);
  }
  return parsed.data;
}

/** Builds the stream handler over the live hub of the handlers' database. */
export function createStreamHandler(deps: HandlerDeps, options: StreamOptions = {}): StreamHandler {
  const { getDb, log } = deps;
  const pingMs = options.pingIntervalMs ?? DEFAULT_PING_MS;
  return {
    stream: (request) =>
      withRoute(request, 'stream', deps, async (ctx) => {
        const query = parseQuery(request, streamQuerySchema);
        const requested = startCursor(request, query.cursor);
        const db = await getDb();
        const missing = await missingFeedTarget(db, query);
        if (missing) return errorResponse(404, 'NOT_FOUND', missing);
        // With no cursor at all the stream starts now: what happened before is the pull's job.
        const cursor = requested ?? (await readFeedHead(db));
        const filter = { match: query.match, tournament: query.tournament };
        Object.assign(ctx.fields, { cursor, ...filter });

        const encoder = new TextEncoder();
        let controller!: ReadableStreamDefaultController<Uint8Array>;
        let subscription: FeedSubscription | undefined;
        let ping: NodeJS.Timeout | undefined;
        let stopped = false;
        const stop = (closeStream: boolean) => {
          if (stopped) return;
          stopped = true;
          clearInterval(ping);
          subscription?.close();
          request.signal.removeEventListener('abort', onAbort);
          if (closeStream) {
            try {
              controller.close();
            } catch {
              // Already closed or errored by the reader going away.
            }
          }
        };
        const onAbort = () => stop(true);
        const send = (chunk: string | Uint8Array) => {
          if (stopped) return;
          try {
            // The same bytes may go to many streams: enqueued as they are, never changed.
            controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
          } catch {
            stop(false);
            return;
          }
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) {
            ctx.log.warn('stream reader too slow; closing it', { cursor });
            stop(true);
          }
        };
        const body = new ReadableStream<Uint8Array>(
          {
            start: (c) => {
              controller = c;
            },
            cancel: () => stop(false),
          },
          { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
        );
        send(readyFrame(cursor));
        request.signal.addEventListener('abort', onAbort);
        try {
          // Resolves once the backlog after `cursor` is queued; live batches follow.
          subscription = await liveHubFor(db, log).subscribe({
            cursor,
            filter,
            onMessage: (message: StreamFeedMessage) => send(feedFrameBytes(message)),
            onClose: () => stop(true),
          });
        } catch (error) {
          stop(true);
          throw error;
        }
        if (stopped || request.signal.aborted) stop(true);
        else ping = setInterval(() => send(PING_FRAME), pingMs);
        return new Response(body, { status: 200, headers: SSE_HEADERS });
      }),
  };
}
