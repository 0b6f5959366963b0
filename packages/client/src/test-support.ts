import { CourtSyncDb, type LocalMatch } from './courtsync-db';
import { flush, type FlushResult } from './flush';
import { inProcessFlushLock } from './flush-lock';
import { replay } from '@courtsync/scoring';

let counter = 0;

/** A fresh, uniquely named database (fake-indexeddb in Jest). */
export function freshDb(): CourtSyncDb {
  counter += 1;
  return new CourtSyncDb(`courtsync-test-${process.pid}-${counter}-${Date.now()}`);
}

/** Puts a match on the device as if its (empty) log had been pulled from the server. */
export async function seedLocalMatch(
  db: CourtSyncDb,
  id = 'm1',
  format: LocalMatch['format'] = 'beach',
): Promise<LocalMatch> {
  const match: LocalMatch = {
    id,
    tournamentId: 't1',
    format,
    teamA: 'Alpha',
    teamB: 'Bravo',
    court: 'Court 1',
    scheduledAt: '2026-11-22T10:00:00.000Z',
    state: replay(format, []),
    cursor: 0,
    importedAt: Date.now(),
  };
  await db.matches.put(match);
  return match;
}

/**
 * One flush against fakeSyncServer: uncompressed (the fake reads JSON bodies only), with an
 * in-process lock and no broadcast.
 */
export function flushOnce(db: CourtSyncDb, fetchFn: typeof fetch): Promise<FlushResult> {
  return flush({
    db,
    fetch: fetchFn,
    lock: inProcessFlushLock(),
    broadcast: false,
    compress: false,
  });
}
