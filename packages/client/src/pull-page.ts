import { EffectiveLog, undoTarget, type FeedEvent, type PullResponse } from '@courtsync/protocol';
import type { AckedOp, ConfirmedEvent, CourtSyncDb } from './courtsync-db';
import { loadConfirmed, rebaseMatch } from './match-log';
import type { MovedUndo } from './sync-channel';

/** An undo that moved later actions, with the device that made it. */
export type MovedByClient = Omit<MovedUndo, 'byThisDevice'> & { clientId: string };

/** What storing one page did. */
export interface StoredPage {
  added: number;
  cursor: number;
  moved: MovedByClient[];
}

/**
 * Stores one pulled page of a match in ONE transaction: appends the events not yet known,
 * drops the acked ops they (or, on the last page, `finalAcked`) cover, advances the cursor and
 * rebases the shown state. The usual page of a scorekeeper's own flush brings back exactly
 * the ops it just acked, in their order: the effective log is then the same list of actions,
 * so the rebase (a read of the whole log and a replay) is skipped. That transaction overlaps
 * the next tap's write, which waits for it (bench figure 3b).
 */
export async function storePage(
  db: CourtSyncDb,
  matchId: string,
  page: PullResponse,
  finalAcked: Set<string> | undefined,
): Promise<StoredPage> {
  return db.transaction('rw', [db.matches, db.confirmed, db.acked, db.outbox], async () => {
    const ofMatch = page.events.filter((e) => e.matchId === matchId);
    const [match, knownIds, acked] = await Promise.all([
      db.matches.get(matchId),
      // Index keys only: which of the page's events this device already has.
      db.confirmed
        .where('opId')
        .anyOf(ofMatch.map((e) => e.opId))
        .keys(),
      db.acked.where('matchId').equals(matchId).sortBy('seq'),
    ]);
    if (!match) return { added: 0, cursor: page.cursor, moved: [] };
    const known = new Set(knownIds.map(String));
    const fresh = ofMatch
      .filter((e) => !known.has(e.opId))
      .sort((x, y) => x.matchPosition - y.matchPosition);
    const cursor = Math.max(match.cursor ?? 0, page.cursor);
    const covered = new Set([...fresh.map((e) => e.opId), ...(finalAcked ?? [])]);
    const ackedCovered = acked.filter((a) => covered.has(a.opId));
    const importing = Boolean(finalAcked) && !match.importedAt;
    if (fresh.length === 0 && ackedCovered.length === 0 && !importing) {
      // Nothing new (another context pulled first): no rebase, at most the cursor moves.
      if (cursor > (match.cursor ?? 0)) await db.matches.update(matchId, { cursor });
      return { added: 0, cursor, moved: [] };
    }
    // Only an undo can move later actions: the confirmed log is read for nothing else.
    const moved = fresh.some((e) => e.type === 'undo')
      ? movedUndos(EffectiveLog.of(match.format, await loadConfirmed(db, matchId)), fresh)
      : [];
    await db.confirmed.bulkAdd(fresh.map(toConfirmed));
    await db.acked.bulkDelete([...covered]);
    // A failed op of this device that the server now has (an admin accepted it from the
    // review list) is done: it leaves the failed list.
    const failedDone =
      fresh.length > 0
        ? await db.outbox
            .where('opId')
            .anyOf(fresh.map((e) => e.opId))
            .filter((e) => e.status === 'failed')
            .delete()
        : 0;
    await db.matches.update(matchId, {
      cursor,
      ...(importing ? { importedAt: Date.now() } : {}),
    });
    if (importing || failedDone > 0 || !confirmsAckedPrefix(fresh, acked, ackedCovered)) {
      await rebaseMatch(db, matchId);
    }
    return { added: fresh.length, cursor, moved };
  });
}

/**
 * Whether `fresh` is exactly the first acked ops of the match in their seq order and covers
 * every acked op that leaves: the effective log (confirmed, then acked by seq, then pending)
 * is then the same actions in the same order before and after the page.
 */
export function confirmsAckedPrefix(
  fresh: readonly FeedEvent[],
  acked: readonly AckedOp[],
  ackedCovered: readonly AckedOp[],
): boolean {
  if (fresh.length === 0 || fresh.length > acked.length) return false;
  if (ackedCovered.length !== fresh.length) return false;
  return fresh.every((event, i) => event.opId === acked[i]!.opId);
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
