import { pullResponseSchema, streamFeedMessageSchema } from '@courtsync/protocol';
import type { PullResponse, StreamFeedMessage } from '@courtsync/protocol';
import type { ApiHandlers } from '../src/http/api-handlers';

/** One parsed Server-Sent Events frame (comments are kept as `comment`). */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: number;
  comment?: string;
}

/** Parses complete frames off the front of `buffer`; returns them and the unparsed rest. */
export function parseSseFrames(buffer: string): { frames: SseFrame[]; rest: string } {
  const frames: SseFrame[] = [];
  let rest = buffer;
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const frame: SseFrame = {};
    for (const line of rest.slice(0, end).split('\n')) {
      if (line.startsWith(':')) {
        frame.comment = line.slice(1).trim();
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data')
        frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
      else if (field === 'id') frame.id = value;
      else if (field === 'event') frame.event = value;
      else if (field === 'retry') frame.retry = Number(value);
    }
    frames.push(frame);
    rest = rest.slice(end + 2);
  }
  return { frames, rest };
}

/** Reads an SSE response body frame by frame. */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly queued: SseFrame[] = [];

  /** Wraps the body of `response` (which must have one). */
  constructor(response: Response) {
    if (!response.body) throw new Error('SSE response without a body');
    this.reader = response.body.getReader();
  }

  /** The next frame, or undefined when the stream ended; rejects after `timeoutMs`. */
  async next(timeoutMs = 5_000): Promise<SseFrame | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.queued.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for an SSE frame');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out waiting for an SSE frame')), left);
      });
      const chunk = await Promise.race([this.reader.read(), timeout]).finally(() =>
        clearTimeout(timer),
      );
      if (chunk.done) return undefined;
      const { frames, rest } = parseSseFrames(this.buffer + this.decoder.decode(chunk.value));
      this.buffer = rest;
      this.queued.push(...frames);
    }
    return this.queued.shift();
  }

  /** The next `feed` frame (skipping pings), its data parsed; its `id` must equal the cursor. */
  async nextFeed(timeoutMs = 5_000): Promise<StreamFeedMessage & { id: string }> {
    for (;;) {
      const frame = await this.next(timeoutMs);
      if (!frame) throw new Error('SSE stream ended');
      if (frame.event !== 'feed') continue;
      const message = streamFeedMessageSchema.parse(JSON.parse(frame.data ?? ''));
      return { ...message, id: frame.id ?? '' };
    }
  }

  /** Stops reading: cancels the body (the server unsubscribes). */
  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}

/** GETs /api/v1/sync/pull with `query` and returns the parsed page (throws unless 200). */
export async function pull(
  api: ApiHandlers,
  query: Record<string, string | number>,
): Promise<PullResponse> {
  const response = await api.pull(pullRequest(query));
  const body: unknown = await response.json();
  if (response.status !== 200)
    throw new Error(`pull failed ${response.status}: ${JSON.stringify(body)}`);
  return pullResponseSchema.parse(body);
}

/** A GET of the pull route with `query` as its query string. */
export function pullRequest(query: Record<string, string | number>): Request {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return new Request(`http://localhost/api/v1/sync/pull?${params}`);
}

/** A GET of the stream route; `lastEventId` sets the header a reconnecting EventSource sends. */
export function streamRequest(
  query: Record<string, string | number> = {},
  init: { lastEventId?: string; signal?: AbortSignal } = {},
): Request {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (init.lastEventId !== undefined) headers['last-event-id'] = init.lastEventId;
  return new Request(`http://localhost/api/v1/sync/stream?${params}`, {
    headers,
    signal: init.signal,
  });
}
