import { z } from 'zod';
import type { ProviderMatch, ProviderTournament } from '../provider';

const TOURNAMENT_STATUS = {
  Scheduled: 'scheduled',
  Running: 'running',
  Finished: 'finished',
  Cancelled: 'cancelled',
} as const;
const MATCH_STATUS = { Scheduled: 'scheduled', Running: 'live', Finished: 'finished' } as const;

const points = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: `not a score: ${v}` });
      return z.NEVER;
    }
    return n;
  });

/** Fields of a `<BeachTournament>` CourtSync reads, as VIS sends them (attributes are text). */
export const visTournamentSchema = z
  .looseObject({
    No: z.string().regex(/^\d+$/),
    Code: z.string().optional(),
    Name: z.string().min(1),
    Status: z.enum(['Scheduled', 'Running', 'Finished', 'Cancelled']),
    StartDate: z.iso.date(),
    EndDate: z.iso.date(),
    City: z.string().optional(),
    CountryName: z.string().optional(),
    Version: z.string().optional(),
  })
  .transform((t): ProviderTournament => ({
    no: t.No,
    code: t.Code,
    name: t.Name,
    location: [t.City, t.CountryName].filter(Boolean).join(', ') || (t.Code ?? ''),
    status: TOURNAMENT_STATUS[t.Status],
    startDate: t.StartDate,
    endDate: t.EndDate,
    version: t.Version,
  }));

/** Only No, Status and Version: what the schedule job lists to see what changed. */
export const visTournamentVersionSchema = z.looseObject({
  No: z.string().regex(/^\d+$/),
  Status: z.enum(['Scheduled', 'Running', 'Finished', 'Cancelled']),
  Version: z.string().optional(),
});

/** A `<BeachMatch>`: LocalDate/LocalTime are read as UTC (the simulator's and our convention). */
export const visMatchSchema = z
  .looseObject({
    No: z.string().regex(/^\d+$/),
    NoTournament: z.string().regex(/^\d+$/),
    LocalDate: z.iso.date(),
    LocalTime: z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/),
    Court: z.string().default(''),
    Status: z.enum(['Scheduled', 'Running', 'Finished']),
    TeamAName: z.string().default('TBD'),
    TeamBName: z.string().default('TBD'),
    MatchPointsA: points,
    MatchPointsB: points,
    PointsTeamASet1: points,
    PointsTeamBSet1: points,
    PointsTeamASet2: points,
    PointsTeamBSet2: points,
    PointsTeamASet3: points,
    PointsTeamBSet3: points,
    Version: z.string().optional(),
  })
  .transform((m): ProviderMatch => {
    const pairs = [
      [m.PointsTeamASet1, m.PointsTeamBSet1],
      [m.PointsTeamASet2, m.PointsTeamBSet2],
      [m.PointsTeamASet3, m.PointsTeamBSet3],
    ];
    const sets = pairs
      .filter(([a, b]) => a !== undefined || b !== undefined)
      .map(([a, b]) => ({ a: a ?? 0, b: b ?? 0 }));
    return {
      no: m.No,
      tournamentNo: m.NoTournament,
      format: 'beach',
      teamA: m.TeamAName,
      teamB: m.TeamBName,
      court: m.Court,
      scheduledAt: new Date(
        `${m.LocalDate}T${m.LocalTime.length === 5 ? `${m.LocalTime}:00` : m.LocalTime}Z`,
      ),
      status: MATCH_STATUS[m.Status],
      score: { sets, setsWon: { a: m.MatchPointsA ?? 0, b: m.MatchPointsB ?? 0 } },
      version: m.Version,
    };
  });
