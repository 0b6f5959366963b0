import { z } from 'zod';
import type { ProviderMatch, ProviderResult, ProviderTournament } from '../provider';

const id = z.string().regex(/^[\w-]{1,40}$/);
const STATUS = { scheduled: 'scheduled', in_progress: 'live', final: 'finished' } as const;
const status = z.enum(['scheduled', 'in_progress', 'final']);
const version = z
  .union([z.number(), z.string()])
  .optional()
  .transform((v) => (v === undefined ? undefined : String(v)));

/** `POST /auth/token` and `/auth/token/refresh`. */
export const tokenPairSchema = z.object({
  idToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expirationTimeInSeconds: z.number().positive(),
});

const eventSchema = z.object({
  eventId: id,
  teamId: id,
  startDateTime: z.iso.datetime(),
  location: z.string(),
  homeTeam: z.object({ name: z.string().min(1) }),
  awayTeam: z.object({ name: z.string().min(1) }),
  status,
  version,
});

/** `GET /teams/{id}/events`: a team's season as matches, and the team as a tournament. */
export const teamEventsSchema = z
  .object({
    team: z.object({ teamId: id, name: z.string().min(1), season: z.string() }),
    data: z.array(eventSchema),
  })
  .transform(({ team, data }) => {
    const matches = data.map((e): ProviderMatch => ({
      no: e.eventId,
      tournamentNo: team.teamId,
      format: 'indoor',
      teamA: e.homeTeam.name,
      teamB: e.awayTeam.name,
      court: e.location,
      scheduledAt: new Date(e.startDateTime),
      status: STATUS[e.status],
      version: e.version,
    }));
    const days = data.map((e) => e.startDateTime.slice(0, 10)).sort();
    const today = new Date().toISOString().slice(0, 10);
    const tournament: ProviderTournament = {
      no: team.teamId,
      name: `${team.name} ${team.season}`,
      location: team.name,
      status: matches.every((m) => m.status === 'finished')
        ? 'finished'
        : (days[0] ?? today) > today
          ? 'scheduled'
          : 'running',
      startDate: days[0] ?? today,
      endDate: days[days.length - 1] ?? today,
    };
    return { matches, tournament };
  });

/** `GET /events/{id}/stats`: the live result of one game. */
export const eventStatsSchema = z
  .object({
    eventId: id,
    status,
    periods: z.array(
      z.object({ period: z.int().positive(), home: z.int().min(0), away: z.int().min(0) }),
    ),
    homeSetsWon: z.int().min(0),
    awaySetsWon: z.int().min(0),
    version,
  })
  .transform((s): ProviderResult => ({
    no: s.eventId,
    status: STATUS[s.status],
    version: s.version,
    score: {
      sets: [...s.periods]
        .sort((x, y) => x.period - y.period)
        .map((p) => ({ a: p.home, b: p.away })),
      setsWon: { a: s.homeSetsWon, b: s.awaySetsWon },
    },
  }));
