import Dexie from 'dexie';
import { EffectiveLog, type LoggedAction } from '@courtsync/protocol';
import type { ConfirmedEvent, CourtSyncDb, LocalMatch, OutboxEntry } from './courtsync-db';

/** A match's server-confirmed log, in the match's order. */
export function loadConfirmed(db: CourtSyncDb, matchId: string): Promise<ConfirmedEvent[]> {
  return db.confirmed
    .where('[matchId+matchPosition]')
    .between([matchId, Dexie.minKey], [matchId, Dexie.maxKey])
    .toArray();
}

/** This device's ops of a match still in the outbox (pending and failed), in seq order. */
export function loadOutboxOfMatch(db: CourtSyncDb, matchId: string): Promise<OutboxEntry[]> {
  return db.outbox
    .where('[matchId+seq]')
    .between([matchId, Dexie.minKey], [matchId, Dexie.maxKey])
    .toArray();
}

/**
 * The actions a screen shows for a match: the confirmed log, then this device's ops the
 * server acked but no pull brought yet, then its pending ops, each once (by opId). Failed ops
 * are not in effect: they wait in the failed list.
 */
export async function loadEffectiveActions(
  db: CourtSyncDb,
  matchId: string,
): Promise<LoggedAction[]> {
  return (await loadEffectiveParts(db, matchId)).actions;
}

/** The effective actions of a match and its outbox entries (pending and failed, seq order). */
export async function loadEffectiveParts(
  db: CourtSyncDb,
  matchId: string,
): Promise<{ actions: LoggedAction[]; outbox: OutboxEntry[] }> {
  const [confirmed, acked, outbox] = await Promise.all([
    loadConfirmed(db, matchId),
    db.acked.where('matchId').equals(matchId).sortBy('seq'),
    loadOutboxOfMatch(db, matchId),
  ]);
  const seen = new Set(confirmed.map((e) => e.opId));
  const unconfirmed = [...acked, ...outbox.filter((e) => e.status === 'pending')].filter((a) => {
    if (seen.has(a.opId)) return false;
    seen.add(a.opId);
    return true;
  });
  return { actions: [...confirmed, ...unconfirmed], outbox };
}

/** The effective log of a match as this device sees it (see loadEffectiveActions). */
export async function loadEffectiveLog(db: CourtSyncDb, match: LocalMatch): Promise<EffectiveLog> {
  return EffectiveLog.of(match.format, await loadEffectiveActions(db, match.id));
}

/**
 * Recomputes what the screen shows for a match (confirmed log + unconfirmed ops replayed on
 * top) and stores it in the match row, which the UI observes. Call inside a rw transaction
 * on matches, confirmed, acked and outbox so the state matches the rows it was built from.
 */
export async function rebaseMatch(
  db: CourtSyncDb,
  matchId: string,
): Promise<LocalMatch | undefined> {
  const match = await db.matches.get(matchId);
  if (!match) return undefined;
  const { state } = await loadEffectiveLog(db, match);
  await db.matches.update(matchId, { state });
  return { ...match, state };
}
