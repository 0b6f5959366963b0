import {
  DEVICE_API,
  STREAM_EVENT,
  streamFeedMessageSchema,
  streamReadyMessageSchema,
  type FeedEvent,
  type StreamFeedMessage,
} from '@courtsync/protocol';
import type { CourtSyncDb, LocalMatch } from './courtsync-db';
import { createMatchPuller } from './match-puller';
import { onlyOwnOpsInFlight } from './own-ops';

/** BroadcastChannel on which the tab holding the stream passes its messages to the others. */
export const FEED_CHANNEL = 'courtsync-feed';

/** The browser APIs the live feed uses (injected by tests; the platform's by default). */
export interface LiveFeedEnv {
  EventSource?: new (url: string) => Pick<EventSource, 'addEventListener' | 'close' | 'readyState'>;
  BroadcastChannel?: new (
    name: string,
  ) => Pick<BroadcastChannel, 'postMessage' | 'close' | 'onmessage'>;
  /** Web Locks; null for a browser without them (each tab then opens its own stream). */
  locks?: Pick<LockManager, 'request'> | null;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/** Options of `connectLiveFeed`. */
export interface LiveFeedOptions {
  db: CourtSyncDb;
  tournamentId: string;
  /** Every feed message, in this tab (after the pokes are started). */
  onMessage?: (message: StreamFeedMessage) => void;
  fetch?: typeof fetch;
  /** Absolute or origin-relative URLs (tests). */
  streamUrl?: string;
  pullUrl?: string;
  env?: LiveFeedEnv;
}

/** What crosses the feed channel. */
interface ChannelMessage {
  tournamentId: string;
  event: 'feed' | 'ready';
  data: unknown;
}

/** How long to wait before reopening a stream the browser gave up on (HTTP error). */
const REOPEN_MS = 5_000;
/** EventSource.CLOSED (not a global in workers and Node). */
const CLOSED = 2;

/**
 * Keeps this device's matches of a tournament current from the live stream: ONE EventSource
 * per browser and tournament, held by the tab that wins a Web Lock, which passes every message
 * on to the other tabs. Every tab treats a `feed` message as a poke (pull each of its matches
 * named in it, one pull in flight per match), `ready` (a (re)connect) as a poke for its
 * matches of the tournament not yet pulled up to where the stream starts, and `online` as a
 * poke for all of them. Returns the stop function.
 */
export function connectLiveFeed(options: LiveFeedOptions): () => void {
  const { db, tournamentId } = options;
  const env = platformEnv(options.env);
  const pull = createMatchPuller(db, options.fetch ?? ((i, init) => fetch(i, init)), {
    pullUrl: options.pullUrl,
  });
  const channel = env.BroadcastChannel ? new env.BroadcastChannel(FEED_CHANNEL) : undefined;
  let stopped = false;

  /** Pulls this device's matches of the tournament; with `after`, those behind it only. */
  const pullMatches = (after?: number) => {
    if (stopped) return;
    void db.matches
      .where('tournamentId')
      .equals(tournamentId)
      .toArray()
      .then((matches) => {
        for (const match of matches)
          if (after === undefined || behind(match, after)) void pull(match.id);
      })
      .catch(() => undefined);
  };
  const pullAll = () => pullMatches();
  const handle = (event: ChannelMessage['event'], data: unknown) => {
    if (stopped) return;
    if (event === 'ready') {
      // The stream brings every event after its start cursor: a match pulled up to it (as the
      // screen that just opened it) is current, and pulling it again would only compete with
      // the first taps' writes. A start cursor that cannot be read pulls every match.
      const ready = streamReadyMessageSchema.safeParse(data);
      return pullMatches(ready.success ? ready.data.cursor : undefined);
    }
    const parsed = streamFeedMessageSchema.safeParse(data);
    if (!parsed.success) return;
    const byMatch = new Map<string, FeedEvent[]>();
    for (const e of parsed.data.events) {
      const list = byMatch.get(e.matchId);
      if (list) list.push(e);
      else byMatch.set(e.matchId, [e]);
    }
    for (const [matchId, events] of byMatch) {
      const position = Math.max(...events.map((e) => e.position));
      // A match already pulled past these events is current, and one whose new events are
      // all this device's own ops in flight is pulled by the flush that pushed them: no
      // request, no transaction competing with the next tap. The cheaper check goes first.
      void db.matches
        .get(matchId)
        .then(async (match) => {
          if (!match || !behind(match, position)) return;
          const opIds = events.map((e) => e.opId);
          if (!(await onlyOwnOpsInFlight(db, opIds))) void pull(matchId);
        })
        .catch(() => undefined);
    }
    options.onMessage?.(parsed.data);
  };

  if (channel) {
    channel.onmessage = (message: MessageEvent<ChannelMessage>) => {
      if (message.data?.tournamentId === tournamentId)
        handle(message.data.event, message.data.data);
    };
  }

  const url = `${options.streamUrl ?? DEVICE_API.stream}?tournament=${encodeURIComponent(tournamentId)}`;
  const openStream = (share: boolean): (() => void) => {
    let source: ReturnType<typeof open> | undefined;
    let timer: unknown;
    function open() {
      const es = new env.EventSource!(url);
      for (const event of [STREAM_EVENT.feed, STREAM_EVENT.ready] as const) {
        es.addEventListener(event, (message) => {
          const data = parseJson((message as MessageEvent<string>).data);
          if (share) channel?.postMessage({ tournamentId, event, data } satisfies ChannelMessage);
          handle(event, data);
        });
      }
      es.addEventListener('error', () => {
        // The browser reconnects by itself (Last-Event-ID) unless the server refused it.
        if (es.readyState !== CLOSED || stopped) return;
        timer = env.setTimeout(() => (source = open()), REOPEN_MS);
      });
      return es;
    }
    source = open();
    return () => {
      env.clearTimeout(timer);
      source?.close();
    };
  };

  let stop: () => void;
  if (env.locks && env.EventSource) {
    const abort = new AbortController();
    let release = () => undefined as void;
    let close: (() => void) | undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    env.locks
      .request(`courtsync-stream:${tournamentId}`, { signal: abort.signal }, async () => {
        if (stopped) return;
        close = openStream(true);
        // Held while this tab lives; the next tab in line gets the lock when it ends.
        await held;
      })
      .catch(() => undefined); // Aborted before this tab became the leader.
    stop = () => {
      close?.();
      abort.abort();
      release();
    };
  } else {
    stop = env.EventSource ? openStream(false) : () => undefined;
  }

  // Back online: catch up at once rather than wait for the stream to reconnect.
  globalThis.addEventListener?.('online', pullAll);
  return () => {
    if (stopped) return;
    stopped = true;
    globalThis.removeEventListener?.('online', pullAll);
    stop();
    channel?.close();
  };
}

/** Whether a match has not been pulled up to feed position `position` yet. */
function behind(match: Pick<LocalMatch, 'cursor'>, position: number): boolean {
  return (match.cursor ?? 0) < position;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The injected APIs, else the platform's. */
function platformEnv(env: LiveFeedEnv = {}): Required<LiveFeedEnv> {
  const g = globalThis as typeof globalThis & { navigator?: { locks?: LockManager } };
  return {
    EventSource: env.EventSource ?? g.EventSource,
    BroadcastChannel: env.BroadcastChannel ?? g.BroadcastChannel,
    locks: env.locks === undefined ? (g.navigator?.locks ?? null) : env.locks,
    setTimeout: env.setTimeout ?? ((callback, ms) => setTimeout(callback, ms)),
    clearTimeout:
      env.clearTimeout ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)),
  };
}
