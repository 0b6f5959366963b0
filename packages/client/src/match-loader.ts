import {
  API,
  matchEventsResponseSchema,
  matchViewSchema,
  type MatchView,
} from '@courtsync/protocol';
import type { CourtSyncDb, LocalMatch } from './courtsync-db';
import { loadLocalEvents, replayerFor } from './local-match';

/**
 * Makes a match available offline: fetches its view and event log from the server into
 * IndexedDB the first time, refreshes its details later, and falls back to the local copy
 * when the network is down. Returns undefined when the match is neither local nor reachable.
 */
export async function loadMatch(
  db: CourtSyncDb,
  matchId: string,
  fetchFn: typeof fetch = fetch,
): Promise<LocalMatch | undefined> {
  const local = await db.matches.get(matchId);
  try {
    const view = await fetchJson(fetchFn, API.match(matchId), matchViewSchema.parse);
    if (!view) return local;
    if (local?.importedAt) {
      await db.matches.update(matchId, detailsOf(view));
      return db.matches.get(matchId);
    }
    const log = await fetchJson(fetchFn, API.matchEvents(matchId), matchEventsResponseSchema.parse);
    if (!log) return local;
    return await db.transaction('rw', [db.matches, db.events], async () => {
      // Another tab may have imported meanwhile: import once only.
      const current = await db.matches.get(matchId);
      if (current?.importedAt) return current;
      const known = new Set((await loadLocalEvents(db, matchId)).map((e) => e.opId));
      await db.events.bulkAdd(
        log.events
          .filter((e) => !known.has(e.opId))
          .map((e) => ({
            matchId,
            opId: e.opId,
            type: e.type,
            payload: e.payload as never,
            source: 'server' as const,
          })),
      );
      const state = replayerFor(view.format, await loadLocalEvents(db, matchId)).state;
      const match: LocalMatch = { ...detailsOf(view), state, importedAt: Date.now() };
      await db.matches.put(match);
      return match;
    });
  } catch (error) {
    if (local) return local;
    throw error;
  }
}

/** Stores the matches of a listing for offline use, without touching their logs. */
export async function cacheMatchDetails(db: CourtSyncDb, views: readonly MatchView[]) {
  await db.transaction('rw', db.matches, async () => {
    for (const view of views) {
      const local = await db.matches.get(view.id);
      if (local) await db.matches.update(view.id, detailsOf(view));
    }
  });
}

function detailsOf(view: MatchView): Omit<LocalMatch, 'state' | 'importedAt'> {
  const { id, tournamentId, format, teamA, teamB, court, scheduledAt } = view;
  return { id, tournamentId, format, teamA, teamB, court, scheduledAt };
}

/** GETs JSON; undefined on 404, throws on network errors so callers fall back to local data. */
async function fetchJson<T>(fetchFn: typeof fetch, url: string, parse: (v: unknown) => T) {
  const response = await fetchFn(url, { headers: { accept: 'application/json' } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return parse(await response.json());
}
