import type { AppliedOp, FeedEvent, PullResponse } from '@courtsync/protocol';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { feedHead, matches, matchEvents, tournaments } from '../../db/schema';
import type { Database } from '../../db/types';

/** Which events a reader wants: one match, one tournament, or (neither) the whole server. */
export interface FeedFilter {
  match?: string;
  tournament?: string;
}

/** A read of the feed: events after `cursor` matching the filter, at most `limit`. */
export interface ReadFeedOptions extends FeedFilter {
  cursor: number;
  limit: number;
}

type EventRow = typeof matchEvents.$inferSelect;

/** What every wire form of a stored event carries (a match's log and the feed alike). */
export function toAppliedOp(row: EventRow): AppliedOp {
  return {
    opId: row.opId,
    clientId: row.clientId,
    seq: row.seq,
    type: row.type,
    payload: row.payload,
    clientTime: row.clientTime.toISOString(),
    serverTime: row.serverTime.toISOString(),
  };
}

/** Wire form of a stored event in the change feed. */
export function toFeedEvent(row: EventRow): FeedEvent {
  return {
    ...toAppliedOp(row),
    position: row.feedPosition,
    matchId: row.matchId,
    tournamentId: row.tournamentId,
    matchPosition: row.position,
  };
}

/**
 * The feed's head: every position up to it is committed and visible. A push moves the head
 * inside its transaction while holding the row lock, so a committed head never runs ahead of
 * a still-open push's events (notes/change-feed.md §1).
 */
export async function readFeedHead(db: Database): Promise<number> {
  const [row] = await db
    .select({ position: feedHead.position })
    .from(feedHead)
    .where(eq(feedHead.id, 1));
  if (!row) throw new Error('feed_head row missing (migration 0001 not applied?)');
  return row.position;
}

/**
 * Events with cursor < position <= head, filtered, in position order. The head is read first
 * and bounds the read, so nothing past it (not yet known to be gap-free) is returned. `cursor`
 * of the answer is the last event returned when `hasMore`, else the head: a reader of one
 * match skips the positions of other matches and its next read starts after them.
 */
export async function readFeed(db: Database, options: ReadFeedOptions): Promise<PullResponse> {
  const head = await readFeedHead(db);
  const e = matchEvents;
  const conditions: SQL[] = [gt(e.feedPosition, options.cursor), lte(e.feedPosition, head)];
  if (options.match !== undefined) conditions.push(eq(e.matchId, options.match));
  if (options.tournament !== undefined) conditions.push(eq(e.tournamentId, options.tournament));
  const rows =
    options.cursor >= head
      ? []
      : await db
          .select()
          .from(e)
          .where(and(...conditions))
          .orderBy(asc(e.feedPosition))
          // One more than asked: tells whether another page follows without a count query.
          .limit(options.limit + 1);
  const hasMore = rows.length > options.limit;
  const events = rows.slice(0, options.limit).map(toFeedEvent);
  const last = events[events.length - 1];
  return { events, cursor: hasMore && last ? last.position : head, hasMore };
}

/** What of `filter` does not exist, as a message for a 404, or undefined when all does. */
export async function missingFeedTarget(
  db: Database,
  filter: FeedFilter,
): Promise<string | undefined> {
  if (filter.match !== undefined) {
    const [row] = await db
      .select({ id: matches.id })
      .from(matches)
      .where(eq(matches.id, filter.match));
    if (!row) return `No match with id "${filter.match}"`;
  }
  if (filter.tournament !== undefined) {
    const [row] = await db
      .select({ id: tournaments.id })
      .from(tournaments)
      .where(eq(tournaments.id, filter.tournament));
    if (!row) return `No tournament with id "${filter.tournament}"`;
  }
  return undefined;
}
