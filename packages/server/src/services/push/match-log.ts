import { EffectiveLog, type LoggedAction, type OpType } from '@courtsync/protocol';
import type { MatchFormat } from '@courtsync/scoring';
import { asc, eq } from 'drizzle-orm';
import { matchEvents } from '../../db/schema';
import type { Database, Transaction } from '../../db/types';
import type { Row } from './push-session';
import { literalList } from './sql-text';

/** A match's applied log, replayed: what the push service needs to apply new ops. */
export interface MatchLog {
  /** `matches.version` this log corresponds to. */
  version: number;
  /** Number of stored events (= highest position). */
  eventCount: number;
  /**
   * The match's effective log after the last stored event: what is in effect, what was
   * undone (an undo names its target), and the state it replays to.
   */
  effective: EffectiveLog;
  /** Highest seq applied to this match, per client (OUT_OF_ORDER check). */
  maxSeqByClient: Map<string, number>;
}

/** The locked `matches` columns a log is checked against. */
export interface LockedMatch {
  id: string;
  tournamentId: string;
  format: MatchFormat;
  version: number;
  eventCount: number;
}

/** Rebuilds a match's log from its stored events, in position order. */
export async function loadMatchLog(tx: Transaction, match: LockedMatch): Promise<MatchLog> {
  const rows = await tx
    .select({
      opId: matchEvents.opId,
      type: matchEvents.type,
      payload: matchEvents.payload,
      clientId: matchEvents.clientId,
      seq: matchEvents.seq,
    })
    .from(matchEvents)
    .where(eq(matchEvents.matchId, match.id))
    .orderBy(asc(matchEvents.position));
  return logOf(match, rows);
}

/** A stored event as a log is replayed from. */
interface StoredRow extends LoggedAction {
  clientId: string;
  seq: number;
}

/** The log of `match` from its stored events in position order. */
function logOf(match: LockedMatch, rows: readonly StoredRow[]): MatchLog {
  if (rows.length !== match.eventCount) {
    // Positions are assigned from event_count; if they disagree, appending would corrupt the log.
    throw new Error(
      `Match ${match.id}: ${rows.length} stored events but event_count is ${match.eventCount}`,
    );
  }
  // tryApply: every stored row was accepted once; one the rules refuse now (after an earlier
  // undo was replayed) stays in the log without counting, exactly as on every device.
  const effective = EffectiveLog.of(match.format, rows);
  const maxSeqByClient = new Map<string, number>();
  for (const row of rows) {
    maxSeqByClient.set(row.clientId, Math.max(row.seq, maxSeqByClient.get(row.clientId) ?? 0));
  }
  return { version: match.version, eventCount: match.eventCount, effective, maxSeqByClient };
}

/**
 * The statement reading the stored events of `matches` (at least one), for `matchLogs`.
 * A match without events needs no statement: see `emptyLog`.
 */
export function matchLogsSql(matches: readonly LockedMatch[]): string {
  const ids = literalList(matches.map((m) => m.id));
  return `select match_id, op_id, type, payload, client_id, seq from match_events
    where match_id in (${ids}) order by match_id, position`;
}

/** The logs of `matches` from the rows of `matchLogsSql`, by match id. */
export function matchLogs(
  matches: readonly LockedMatch[],
  rows: readonly Row[],
): Map<string, MatchLog> {
  const byMatch = new Map<string, StoredRow[]>(matches.map((m) => [m.id, []]));
  for (const row of rows) {
    byMatch.get(String(row.match_id))?.push({
      opId: String(row.op_id),
      type: row.type as OpType,
      payload: row.payload as Record<string, unknown>,
      clientId: String(row.client_id),
      seq: Number(row.seq),
    });
  }
  return new Map(matches.map((m) => [m.id, logOf(m, byMatch.get(m.id) ?? [])]));
}

/** The log of a match with no stored events (event_count 0): nothing to read. */
export function emptyLog(match: LockedMatch): MatchLog {
  return logOf(match, []);
}

/** Most logs kept per database; a log is a few KB, so this bounds memory at a few MB. */
const MAX_CACHED_LOGS = 1000;

const caches = new WeakMap<Database, Map<string, MatchLog>>();

/**
 * Replayed logs kept between pushes so a busy match is not replayed from scratch for every
 * batch. An entry is only used when its version equals the version of the row locked in the
 * current transaction (every change to a log bumps `matches.version`, on any instance), and
 * it is taken out while in use: a rolled-back transaction simply leaves no entry behind.
 */
export const matchLogCache = {
  /** Removes and returns the log of `match` if it is current, else undefined. */
  take(db: Database, match: LockedMatch): MatchLog | undefined {
    const cache = caches.get(db);
    const log = cache?.get(match.id);
    if (!cache || !log) return undefined;
    cache.delete(match.id);
    return log.version === match.version && log.eventCount === match.eventCount ? log : undefined;
  },
  /** Stores a log after its transaction committed; evicts the least recently stored. */
  put(db: Database, matchId: string, log: MatchLog): void {
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = new Map()));
    // A push that committed later may have stored a newer log already; keep that one.
    const current = cache.get(matchId);
    if (current && current.version > log.version) return;
    cache.delete(matchId);
    cache.set(matchId, log);
    if (cache.size > MAX_CACHED_LOGS) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
  },
};
