import { STREAM_EVENT } from '@courtsync/protocol';
import type { StreamFeedMessage, StreamReadyMessage } from '@courtsync/protocol';

/** Reconnect delay the browser's EventSource is told to use (`retry:`). */
export const SSE_RETRY_MS = 1_000;

/** Headers of the live stream (notes/change-feed.md §3): never cached, never buffered. */
export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
} as const;

/**
 * The first frame: reconnect delay, and where the stream starts. It carries `id:` too, so a
 * browser that reconnects before any event resumes from here instead of from the head then.
 */
export function readyFrame(cursor: number): string {
  return (
    `retry: ${SSE_RETRY_MS}\nid: ${cursor}\nevent: ${STREAM_EVENT.ready}\n` +
    `data: ${JSON.stringify({ cursor } satisfies StreamReadyMessage)}\n\n`
  );
}

/** One batch of events; `id:` is the message's cursor, which Last-Event-ID resumes after. */
export function feedFrame(message: StreamFeedMessage): string {
  return `id: ${message.cursor}\nevent: ${STREAM_EVENT.feed}\ndata: ${JSON.stringify(message)}\n\n`;
}

const encoder = new TextEncoder();
/** Encoded frames by message: the hub hands one message object to many subscribers. */
const encoded = new WeakMap<StreamFeedMessage, Uint8Array>();

/** `feedFrame` as UTF-8 bytes, encoded once per message however many streams carry it. */
export function feedFrameBytes(message: StreamFeedMessage): Uint8Array {
  let bytes = encoded.get(message);
  if (!bytes) {
    bytes = encoder.encode(feedFrame(message));
    encoded.set(message, bytes);
  }
  return bytes;
}

/** A comment line: keeps proxies from closing an idle stream; EventSource ignores it. */
export const PING_FRAME = ': ping\n\n';
