import { MAX_PULL_LIMIT, pullResponseSchema } from '@courtsync/protocol';
import type { FeedEvent, PullResponse, StreamFeedMessage } from '@courtsync/protocol';
import type { Database } from '../../db/types';
import type { Logger } from '../../logger';
import { listenToFeed } from './feed-listener';
import type { FeedListener } from './feed-listener';
import { readFeed, readFeedHead } from './read-feed';
import type { FeedFilter, ReadFeedOptions } from './read-feed';

/** How to subscribe to the live feed. */
export interface SubscribeOptions {
  /** Deliver events after this position (the backlog is read from the table first). */
  cursor: number;
  /** One match, one tournament, or everything. */
  filter: FeedFilter;
  /** Called per batch, in position order, never twice for a position. */
  onMessage(message: StreamFeedMessage): void;
  /** Called once when the hub closes (database closing, shutdown). */
  onClose?(): void;
}

/** A live subscription. */
export interface FeedSubscription {
  /** Stops delivery; idempotent. */
  close(): void;
}

interface Subscriber {
  options: SubscribeOptions;
  /** Highest position this subscriber has been brought up to. */
  cursor: number;
  /** Live pages that arrived while its backlog was being read; null once live. */
  buffer: PullResponse[] | null;
}

/** Messages of one fan-out by filter and cursor (null: nothing for that subscriber). */
type SharedMessages = Map<string, StreamFeedMessage | null>;

/** Retry delay of a failed feed read (e.g. the database restarting). */
const READ_RETRY_MS = 1_000;

function wants(filter: FeedFilter, event: FeedEvent): boolean {
  return (
    (filter.match === undefined || filter.match === event.matchId) &&
    (filter.tournament === undefined || filter.tournament === event.tournamentId)
  );
}

/**
 * The live change feed of one database: listens for the feed notification, reads each batch
 * of new events ONCE and fans it out to the subscribers whose filter wants it. Started lazily
 * by the first subscriber; stays listening until `close`.
 */
export class LiveHub {
  private readonly subscribers = new Set<Subscriber>();
  private starting: Promise<void> | undefined;
  private listener: FeedListener | undefined;
  /** Highest position read and fanned out; the next read starts after it. */
  private delivered = 0;
  private pumping = false;
  private again = false;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  /** Number of live subscriptions (monitoring, tests). */
  get size(): number {
    return this.subscribers.size;
  }

  /**
   * Subscribes from `cursor` without gap or duplicate between backlog and live events: the
   * subscriber is registered first (live pages are buffered), then the backlog after `cursor`
   * is read from the table and delivered, then the buffer is drained skipping positions
   * already delivered. Resolves once the backlog has been delivered.
   */
  async subscribe(options: SubscribeOptions): Promise<FeedSubscription> {
    if (this.closed) throw new Error('The live feed is closed');
    await this.start();
    const sub: Subscriber = { options, cursor: options.cursor, buffer: [] };
    this.subscribers.add(sub);
    const subscription = { close: () => void this.subscribers.delete(sub) };
    try {
      for (let page: PullResponse | undefined; !page || page.hasMore;) {
        page = await this.read({ ...options.filter, cursor: sub.cursor, limit: MAX_PULL_LIMIT });
        if (!this.subscribers.has(sub)) return subscription;
        this.deliver(sub, page);
      }
    } catch (error) {
      subscription.close();
      throw error;
    }
    // Synchronous from here: no fan-out can run between draining and going live.
    const buffered = sub.buffer ?? [];
    sub.buffer = null;
    for (const page of buffered) this.deliver(sub, page);
    return subscription;
  }

  /** Stops listening and ends every subscription (onClose). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.starting?.catch(() => undefined);
    await this.listener?.close();
    const subscribers = [...this.subscribers];
    this.subscribers.clear();
    for (const sub of subscribers) sub.options.onClose?.();
  }

  /** LISTEN first, then read the head: a commit in between is notified and read again. */
  private start(): Promise<void> {
    this.starting ??= (async () => {
      this.listener = await listenToFeed(
        this.db,
        {
          onNotify: (head) => {
            // Notifications of pushes already read (coalesced) cost nothing.
            if (!(head <= this.delivered)) void this.pump();
          },
          onReconnected: () => void this.pump(),
        },
        this.log,
      );
      this.delivered = await readFeedHead(this.db);
    })().catch((error: unknown) => {
      // Let the next subscriber try again (e.g. PostgreSQL was restarting).
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  /** Reads every new event once (in pages) and fans it out; coalesces overlapping calls. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        for (let page: PullResponse | undefined; !this.closed && (!page || page.hasMore);) {
          page = await this.read({ cursor: this.delivered, limit: MAX_PULL_LIMIT });
          this.delivered = Math.max(this.delivered, page.cursor);
          if (page.events.length > 0) this.fanOut(page);
        }
      } while (this.again && !this.closed);
    } catch (error) {
      if (this.closed) return;
      this.log.warn('live feed read failed; retrying', { error, retryMs: READ_RETRY_MS });
      this.retry = setTimeout(() => void this.pump(), READ_RETRY_MS);
      this.retry.unref();
    } finally {
      this.pumping = false;
    }
  }

  /** One page of the feed, checked against the wire schema once for every subscriber. */
  private async read(options: ReadFeedOptions): Promise<PullResponse> {
    return pullResponseSchema.parse(await readFeed(this.db, options));
  }

  private fanOut(page: PullResponse): void {
    // Subscribers with the same filter and cursor get the very same message object, so the
    // stream handler encodes its frame once for all of them (2,000 spectators of one
    // tournament: one JSON.stringify per batch, not 2,000).
    const shared: SharedMessages = new Map();
    for (const sub of this.subscribers) {
      if (sub.buffer) sub.buffer.push(page);
      else this.deliver(sub, page, shared);
    }
  }

  /** Delivers the events of `page` this subscriber wants and has not had yet. */
  private deliver(sub: Subscriber, page: PullResponse, shared?: SharedMessages): void {
    const { match = '', tournament = '' } = sub.options.filter;
    const key = `${match}\u0000${tournament}\u0000${sub.cursor}`;
    let message = shared?.get(key);
    if (message === undefined) {
      const events = page.events.filter(
        (e) => e.position > sub.cursor && wants(sub.options.filter, e),
      );
      // The page's cursor: every position up to it has been considered for this subscriber.
      message = events.length > 0 ? { events, cursor: Math.max(sub.cursor, page.cursor) } : null;
      shared?.set(key, message);
    }
    sub.cursor = Math.max(sub.cursor, page.cursor);
    if (message === null) return;
    try {
      sub.options.onMessage(message);
    } catch (error) {
      // One broken subscriber must not stop the others.
      this.log.warn('live feed subscriber failed; dropping it', { error });
      this.subscribers.delete(sub);
    }
  }
}
