import { liveQuery, type Observable } from 'dexie';
import { DEVICE_API, tournamentListResponseSchema, type TournamentView } from '@courtsync/protocol';
import type { CourtSyncDb } from './courtsync-db';
import { cacheMatchDetails } from './match-loader';

/** What the device knows of the tournaments without the network. */
export interface SavedTournaments {
  /** The last list the server sent, in its order; empty before the first fetch. */
  tournaments: TournamentView[];
  /** When that list was fetched; undefined before the first fetch. */
  fetchedAt?: number;
  /** Matches whose scorekeeper screen opens offline (imported with their event log). */
  offlineMatchIds: Set<string>;
}

/** Fetches the tournament list with its matches. Throws when the network or the server fails. */
async function fetchTournaments(fetchFn: typeof fetch = fetch): Promise<TournamentView[]> {
  const response = await fetchFn(DEVICE_API.tournaments, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`Could not load tournaments (HTTP ${response.status})`);
  return tournamentListResponseSchema.parse(await response.json()).tournaments;
}

/**
 * Fetches the tournament list and saves it on the device (replacing the last one), refreshing
 * the details (court, time, teams) of matches already on the device. Throws like
 * `fetchTournaments`, leaving the saved list as it was.
 */
export async function refreshTournaments(
  db: CourtSyncDb,
  fetchFn: typeof fetch = fetch,
): Promise<TournamentView[]> {
  const tournaments = await fetchTournaments(fetchFn);
  await db.transaction('rw', db.listings, db.matches, async () => {
    await db.listings.put({ key: 'tournaments', tournaments, fetchedAt: Date.now() });
    await cacheMatchDetails(
      db,
      tournaments.flatMap((t) => t.matches),
    );
  });
  return tournaments;
}

/** Live view of the saved tournament list (re-emits when it or the device's matches change). */
export function observeSavedTournaments(db: CourtSyncDb): Observable<SavedTournaments> {
  return liveQuery(async () => {
    const [listing, imported] = await Promise.all([
      db.listings.get('tournaments'),
      db.matches.filter((m) => m.importedAt !== undefined).primaryKeys(),
    ]);
    return {
      tournaments: listing?.tournaments ?? [],
      fetchedAt: listing?.fetchedAt,
      offlineMatchIds: new Set(imported),
    };
  });
}
