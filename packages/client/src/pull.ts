import {
  API,
  EffectiveLog,
  pullResponseSchema,
  undoTarget,
  type FeedEvent,
  type PullResponse,
} from '@courtsync/protocol';
import type { ConfirmedEvent, CourtSyncDb } from './courtsync-db';
import { ClientError } from './client-error';
import { loadConfirmed, rebaseMatch } from './match-log';
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
    const page = await fetchPage(fetchFn, options.pullUrl ?? API.pull, matchId, cursor);
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

type MovedByClient = Omit<MovedUndo, 'byThisDevice'> & { clientId: string };

/** Stores one page; `finalAcked` (on the last page) are acked ops the pull now covers. */
async function storePage(
  db: CourtSyncDb,
  matchId: string,
  page: PullResponse,
  finalAcked: Set<string> | undefined,
) {
  return db.transaction('rw', [db.matches, db.confirmed, db.acked, db.outbox], async () => {
    const match = await db.matches.get(matchId);
    if (!match) return { added: 0, cursor: page.cursor, moved: [] as MovedByClient[] };
    const confirmed = await loadConfirmed(db, matchId);
    const known = new Set(confirmed.map((e) => e.opId));
    const fresh = page.events
      .filter((e) => e.matchId === matchId && !known.has(e.opId))
      .sort((x, y) => x.matchPosition - y.matchPosition);
    const cursor = Math.max(match.cursor ?? 0, page.cursor);
    const covered = [...fresh.map((e) => e.opId), ...(finalAcked ?? [])];
    const ackedLeft = covered.length > 0 ? await db.acked.bulkGet(covered) : [];
    const importing = Boolean(finalAcked) && !match.importedAt;
    if (fresh.length === 0 && !ackedLeft.some(Boolean) && !importing) {
      // Nothing new (another context pulled first): no rebase, at most the cursor moves.
      if (cursor > (match.cursor ?? 0)) await db.matches.update(matchId, { cursor });
      return { added: 0, cursor, moved: [] as MovedByClient[] };
    }
    const moved = movedUndos(EffectiveLog.of(match.format, confirmed), fresh);
    await db.confirmed.bulkAdd(fresh.map(toConfirmed));
    await db.acked.bulkDelete(covered);
    // A failed op of this device that the server now has (an admin accepted it from the
    // review list) is done: it leaves the failed list.
    if (fresh.length > 0) {
      await db.outbox
        .where('opId')
        .anyOf(fresh.map((e) => e.opId))
        .filter((e) => e.status === 'failed')
        .delete();
    }
    await db.matches.update(matchId, {
      cursor,
      ...(importing ? { importedAt: Date.now() } : {}),
    });
    await rebaseMatch(db, matchId);
    return { added: fresh.length, cursor, moved };
  });
}

/** Applies `fresh` to the confirmed log and lists the undos that moved later actions. */
function movedUndos(log: EffectiveLog, fresh: FeedEvent[]): MovedByClient[] {
  const moved: MovedByClient[] = [];
  for (const event of fresh) {
    const outcome = log.tryApply(event);
    const target = undoTarget(event);
    if (event.type === 'undo' && outcome?.kind === 'applied' && outcome.moved > 0 && target) {
      moved.push({ opId: event.opId, target, moved: outcome.moved, clientId: event.clientId });
    }
  }
  return moved;
}

function toConfirmed(event: FeedEvent): ConfirmedEvent {
  const { matchId, matchPosition, position, opId, clientId, type, payload } = event;
  const { clientTime, serverTime } = event;
  return {
    matchId,
    matchPosition,
    position,
    opId,
    clientId,
    type,
    payload,
    clientTime,
    serverTime,
  };
}
