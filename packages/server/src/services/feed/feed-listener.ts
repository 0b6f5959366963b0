import type { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import type { ClientConfig, Pool } from 'pg';
import type { Database } from '../../db/types';
import type { Logger } from '../../logger';
import { FEED_CHANNEL } from '../push/write-push';

/** What a feed listener reports to its hub. */
export interface FeedListenerEvents {
  /** A push committed; `head` is the feed head it left (NaN if the payload was unreadable). */
  onNotify(head: number): void;
  /** The LISTEN connection was lost and is back: notifications may have been missed. */
  onReconnected(): void;
}

/** A running LISTEN on the feed channel. */
export interface FeedListener {
  /** Stops listening (and closes the dedicated connection on PostgreSQL). */
  close(): Promise<void>;
}

const MIN_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * PostgreSQL: a dedicated `pg.Client` (a pool member would be handed to queries and could
 * not hold LISTEN) that reconnects with backoff on error or end. Notifications sent while it
 * was away are gone, so each reconnect is reported and the hub re-reads from where it was.
 */
class PgFeedListener implements FeedListener {
  private client: Client | undefined;
  private closed = false;
  private delay = MIN_RETRY_MS;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: ClientConfig,
    private readonly events: FeedListenerEvents,
    private readonly log: Logger,
  ) {}

  /** Opens the connection and LISTENs; rejects (nothing left open) if either fails. */
  async connect(): Promise<void> {
    const client = new Client(this.config);
    // Handlers first: an 'error' event without a listener would crash the process.
    client.on('error', (error) => {
      this.log.warn('feed listener connection failed', { error });
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (message.channel === FEED_CHANNEL) this.events.onNotify(Number(message.payload));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${FEED_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private lost(client: Client): void {
    if (this.closed || client !== this.client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.timer = setTimeout(() => {
      this.connect().then(
        () => {
          this.delay = MIN_RETRY_MS;
          if (!this.closed) this.events.onReconnected();
        },
        (error: unknown) => {
          this.log.warn('feed listener reconnect failed', { error, retryMs: this.delay });
          this.delay = Math.min(this.delay * 2, MAX_RETRY_MS);
          if (!this.closed) this.scheduleReconnect();
        },
      );
    }, this.delay);
    // A reconnect attempt alone must not keep the process alive.
    this.timer.unref();
  }

  /** Stops reconnecting and closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/** The engine client behind a drizzle database: PGlite's instance or pg's Pool. */
function clientOf(db: Database): PGlite | Pool {
  return (db as unknown as { $client: PGlite | Pool }).$client;
}

/**
 * Starts listening for the feed channel: PGlite in-process (`listen`, notifications of the
 * same instance), PostgreSQL through a dedicated connection opened with the pool's settings.
 * Resolves once LISTEN is active, so a caller that reads the table afterwards misses nothing.
 */
export async function listenToFeed(
  db: Database,
  events: FeedListenerEvents,
  log: Logger,
): Promise<FeedListener> {
  const client = clientOf(db);
  if ('listen' in client && typeof client.listen === 'function') {
    const unlisten = await client.listen(FEED_CHANNEL, (payload) =>
      events.onNotify(Number(payload)),
    );
    // Closing a PGlite that is already closed throws; there is nothing left to undo then.
    return { close: () => unlisten().catch(() => undefined) };
  }
  const listener = new PgFeedListener((client as Pool).options, events, log);
  await listener.connect();
  return listener;
}
