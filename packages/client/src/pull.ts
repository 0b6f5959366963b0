import { DEVICE_API, pullResponseSchema, type PullResponse } from '@courtsync/protocol';
import type { CourtSyncDb } from './courtsync-db';
import { ClientError } from './client-error';
import { storePage } from './pull-page';
import { publishSyncMessage, type MovedUndo } from './sync-channel';

/** Options of `pullMatch`. */
export interface PullOptions {
  /** Absolute or origin-relative URL of the pull endpoint. */
  pullUrl?: string;
  /** Tell other contexts about moved scores (off in unit tests). */
  broadcast?: boolean;
}

/** What one pull of a match did. */
export interface PullResult {
  /** Events new to this device. */
  events: number;
  /** The match's cursor afterwards. */
  cursor: number;
  /** Undos of earlier actions: the score after them was recomputed. */
  moved: MovedUndo[];
}

/**
 * Brings a match's confirmed log up to the server's: GETs the feed after the match's cursor,
 * page by page, and per page in ONE transaction appends the events not yet known, advances
 * the cursor and rebases the state (confirmed + this device's unconfirmed ops). Ops the server
 * acked before this pull began leave the `acked` store once the pull reaches the head.
 * Throws ClientError when the server cannot be read; what was stored stays consistent.
 */
export async function pullMatch(
  db: CourtSyncDb,
  matchId: string,
  fetchFn: typeof fetch,
  options: PullOptions = {},
): Promise<PullResult> {
  const ackedBefore = new Set(await db.acked.where('matchId').equals(matchId).primaryKeys());
  const clientId = (await db.meta.get('clientId'))?.value;
  const result: PullResult = { events: 0, cursor: 0, moved: [] };
  for (;;) {
    const cursor = (await db.matches.get(matchId))?.cursor ?? 0;
    const page = await fetchPage(fetchFn, options.pullUrl ?? DEVICE_API.pull, matchId, cursor);
    const stored = await storePage(db, matchId, page, page.hasMore ? undefined : ackedBefore);
    result.events += stored.added;
    result.cursor = stored.cursor;
    for (const { clientId: by, ...undo } of stored.moved) {
      result.moved.push({ ...undo, byThisDevice: by === clientId });
    }
    if (!page.hasMore || page.events.length === 0) break;
  }
  if (result.moved.length > 0 && (options.broadcast ?? true)) {
    publishSyncMessage({
      type: 'score-moved',
      at: new Date().toISOString(),
      matchId,
      undos: result.moved,
    });
  }
  return result;
}

async function fetchPage(
  fetchFn: typeof fetch,
  url: string,
  matchId: string,
  cursor: number,
): Promise<PullResponse> {
  const query = `match=${encodeURIComponent(matchId)}&cursor=${cursor}`;
  let response: Response;
  try {
    response = await fetchFn(`${url}?${query}`, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    throw new ClientError('SERVER_UNAVAILABLE', `pull: ${(error as Error).message ?? error}`);
  }
  if (!response.ok) throw new ClientError('SERVER_UNAVAILABLE', `pull: HTTP ${response.status}`);
  const parsed = pullResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ClientError('BAD_RESPONSE', 'pull: unreadable response');
  return parsed.data;
}
