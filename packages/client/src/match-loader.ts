import { DEVICE_API, matchViewSchema, type MatchView } from '@courtsync/protocol';
import { replay } from '@courtsync/scoring';
import type { CourtSyncDb, LocalMatch } from './courtsync-db';
import { pullMatch, type PullOptions } from './pull';

/**
 * Makes a match available offline and current: fetches its view (details) into IndexedDB,
 * then pulls its log from its cursor (0 the first time). Falls back to the local copy when
 * the network is down. Returns undefined when the match is neither local nor reachable.
 */
export async function loadMatch(
  db: CourtSyncDb,
  matchId: string,
  fetchFn: typeof fetch = fetch,
  options: PullOptions = {},
): Promise<LocalMatch | undefined> {
  const local = await db.matches.get(matchId);
  try {
    const view = await fetchView(fetchFn, matchId);
    if (!view) return local;
    await db.transaction('rw', db.matches, async () => {
      const current = await db.matches.get(matchId);
      if (current) await db.matches.update(matchId, detailsOf(view));
      // A new match starts empty (cursor 0); its state comes from the pull below.
      else await db.matches.add({ ...detailsOf(view), state: replay(view.format, []), cursor: 0 });
    });
    await pullMatch(db, matchId, fetchFn, options);
    return await db.matches.get(matchId);
  } catch (error) {
    if (local) return local;
    await forgetUnpulled(db, matchId);
    throw error;
  }
}

/** Removes a match added by a load whose first pull failed: a log-less match must not be scored. */
async function forgetUnpulled(db: CourtSyncDb, matchId: string): Promise<void> {
  await db.transaction('rw', db.matches, db.outbox, async () => {
    const match = await db.matches.get(matchId);
    const ops = await db.outbox.where('matchId').equals(matchId).count();
    if (match && !match.importedAt && ops === 0) await db.matches.delete(matchId);
  });
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

function detailsOf(view: MatchView): Omit<LocalMatch, 'state' | 'importedAt' | 'cursor'> {
  const { id, tournamentId, format, teamA, teamB, court, scheduledAt } = view;
  return { id, tournamentId, format, teamA, teamB, court, scheduledAt };
}

/** GETs the match view; undefined on 404, throws on network errors (callers fall back). */
async function fetchView(fetchFn: typeof fetch, matchId: string): Promise<MatchView | undefined> {
  const url = DEVICE_API.match(matchId);
  const response = await fetchFn(url, { headers: { accept: 'application/json' } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return matchViewSchema.parse(await response.json());
}
