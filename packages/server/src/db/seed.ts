import { replay } from '@courtsync/scoring';
import type { MatchFormat } from '@courtsync/scoring';
import { seedDemoUsers } from '../services/auth/demo-users';
import { teamIdOf } from '../services/scores/team-id';
import { matches, matchTeams, tournaments } from './schema';
import type { Database } from './types';

/** Id of the demo tournament every fresh database starts with (F38). */
export const DEMO_TOURNAMENT_ID = 'demo-open';

interface DemoMatch {
  id: string;
  format: MatchFormat;
  teamA: string;
  teamB: string;
  court: string;
  division: string;
  /** Start time as an offset from 09:00 UTC of the tournament's second day. */
  hoursAfterNine: number;
}

const DEMO_MATCHES: readonly DemoMatch[] = [
  {
    id: 'demo-beach-1',
    format: 'beach',
    teamA: 'Keller / Brunner',
    teamB: 'Dubois / Martin',
    court: 'Center Court',
    division: 'Beach Men',
    hoursAfterNine: 0,
  },
  {
    id: 'demo-beach-2',
    format: 'beach',
    teamA: 'Silva / Costa',
    teamB: 'Novak / Horvat',
    court: 'Court 2',
    division: 'Beach Women',
    hoursAfterNine: 0,
  },
  {
    id: 'demo-beach-3',
    format: 'beach',
    teamA: 'Jensen / Larsen',
    teamB: 'Rossi / Bianchi',
    court: 'Center Court',
    division: 'Beach Men',
    hoursAfterNine: 1,
  },
  {
    id: 'demo-indoor-1',
    format: 'indoor',
    teamA: 'Lakeside Lions',
    teamB: 'Harbor Hawks',
    court: 'Hall A',
    division: 'Indoor Open',
    hoursAfterNine: 2,
  },
  {
    id: 'demo-indoor-2',
    format: 'indoor',
    teamA: 'Valley Vipers',
    teamB: 'Summit Spikers',
    court: 'Hall B',
    division: 'Indoor Open',
    hoursAfterNine: 3,
  },
];

/** YYYY-MM-DD of `now` shifted by `days` (UTC). */
function isoDay(now: Date, days: number): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
  return day.toISOString().slice(0, 10);
}

/**
 * Inserts the demo tournament, its matches and the demo users (one per role) unless they exist (idempotent, safe to run on
 * every start and from several instances at once). Dates are placed around `now` so the demo
 * always looks current on a fresh database; existing rows are never touched.
 */
export async function seedDemoData(db: Database, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(tournaments)
      .values({
        id: DEMO_TOURNAMENT_ID,
        name: 'CourtSync Demo Open',
        location: 'Lakeside Arena, Lausanne',
        startsOn: isoDay(now, -1),
        endsOn: isoDay(now, 1),
      })
      .onConflictDoNothing({ target: tournaments.id });

    const nineToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9);
    await tx
      .insert(matches)
      .values(
        DEMO_MATCHES.map((m) => ({
          id: m.id,
          tournamentId: DEMO_TOURNAMENT_ID,
          format: m.format,
          teamA: m.teamA,
          teamB: m.teamB,
          court: m.court,
          scheduledAt: new Date(nineToday + m.hoursAfterNine * 3_600_000),
          status: 'scheduled' as const,
          state: replay(m.format, []),
        })),
      )
      .onConflictDoNothing({ target: matches.id });
    await tx
      .insert(matchTeams)
      .values(
        DEMO_MATCHES.map((m) => ({
          matchId: m.id,
          division: m.division,
          teamAId: teamIdOf(m.teamA),
          teamBId: teamIdOf(m.teamB),
        })),
      )
      .onConflictDoNothing({ target: matchTeams.matchId });
    await seedDemoUsers(tx);
  });
}
