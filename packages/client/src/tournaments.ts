import { API, tournamentListResponseSchema, type TournamentView } from '@courtsync/protocol';

/** Fetches the tournament list with its matches (served from the worker's cache when offline). */
export async function fetchTournaments(fetchFn: typeof fetch = fetch): Promise<TournamentView[]> {
  const response = await fetchFn(API.tournaments, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Could not load tournaments (HTTP ${response.status})`);
  return tournamentListResponseSchema.parse(await response.json()).tournaments;
}
