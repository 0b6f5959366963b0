import type { TournamentListResponse, TournamentView } from '@courtsync/protocol';
import { asc } from 'drizzle-orm';
import { matches, tournaments } from '../db/schema';
import type { Database } from '../db/types';
import { toMatchView } from './match-views';

/** Every tournament (by start date) with its matches (by scheduled time), in two queries. */
export async function listTournaments(db: Database): Promise<TournamentListResponse> {
  const [tournamentRows, matchRows] = await Promise.all([
    db.select().from(tournaments).orderBy(asc(tournaments.startsOn), asc(tournaments.id)),
    db.select().from(matches).orderBy(asc(matches.scheduledAt), asc(matches.id)),
  ]);
  const byTournament = new Map<string, TournamentView>(
    tournamentRows.map((t) => [
      t.id,
      {
        id: t.id,
        name: t.name,
        location: t.location,
        startsOn: t.startsOn,
        endsOn: t.endsOn,
        matches: [],
      },
    ]),
  );
  for (const row of matchRows) byTournament.get(row.tournamentId)?.matches.push(toMatchView(row));
  return { tournaments: [...byTournament.values()] };
}
