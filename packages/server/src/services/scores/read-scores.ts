import type { MatchScore, ScoreListQuery } from '@courtsync/protocol/scores';
import { and, asc, eq, min } from 'drizzle-orm';
import { matches, matchEvents, matchTeams, tournaments } from '../../db/schema';
import type { Database, Transaction } from '../../db/types';
import type { MatchRow } from '../match-views';
import { teamIdOf } from './team-id';

type TeamsRow = typeof matchTeams.$inferSelect;

/** A match row with its (optional) teams row and the time of its first event. */
interface ScoreSource {
  match: MatchRow;
  teams: TeamsRow | null;
  startedAt: Date | null;
}

/** Wire form of a match's score (F41). */
export function toMatchScore({ match, teams, startedAt }: ScoreSource): MatchScore {
  return {
    matchId: match.id,
    eventId: match.tournamentId,
    division: teams?.division ?? null,
    format: match.format,
    court: match.court,
    scheduledAt: match.scheduledAt.toISOString(),
    status: match.status,
    teams: {
      A: { id: teams?.teamAId ?? teamIdOf(match.teamA), name: match.teamA },
      B: { id: teams?.teamBId ?? teamIdOf(match.teamB), name: match.teamB },
    },
    currentSet: Math.max(1, match.state.sets.length),
    state: match.state,
    version: match.version,
    eventCount: match.eventCount,
    startedAt: startedAt?.toISOString() ?? null,
    finishedAt: match.status === 'finished' ? match.updatedAt.toISOString() : null,
    updatedAt: match.updatedAt.toISOString(),
  };
}

/** Whether the event (tournament) exists. */
export async function eventExists(db: Database | Transaction, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: tournaments.id })
    .from(tournaments)
    .where(eq(tournaments.id, eventId));
  return Boolean(row);
}

/** Match rows of an event (all, or one) with their teams rows and first-event times. */
async function readSources(
  db: Database | Transaction,
  eventId: string,
  matchId?: string,
): Promise<ScoreSource[]> {
  const started = db
    .select({ matchId: matchEvents.matchId, startedAt: min(matchEvents.serverTime).as('started') })
    .from(matchEvents)
    .where(eq(matchEvents.tournamentId, eventId))
    .groupBy(matchEvents.matchId)
    .as('started');
  const where = matchId
    ? and(eq(matches.tournamentId, eventId), eq(matches.id, matchId))
    : eq(matches.tournamentId, eventId);
  const rows = await db
    .select({ match: matches, teams: matchTeams, startedAt: started.startedAt })
    .from(matches)
    .leftJoin(matchTeams, eq(matchTeams.matchId, matches.id))
    .leftJoin(started, eq(started.matchId, matches.id))
    .where(where)
    .orderBy(asc(matches.scheduledAt), asc(matches.id));
  // min() over timestamptz comes back as the driver's raw value (string on pg): normalise.
  return rows.map((r) => ({
    match: r.match,
    teams: r.teams,
    startedAt: r.startedAt === null ? null : new Date(r.startedAt as unknown as string),
  }));
}

/**
 * The scores of an event's matches by scheduled time, filtered by team id and/or division
 * (exact match; a team id matches either side). Null when the event does not exist.
 */
export async function listScores(
  db: Database,
  eventId: string,
  filter: ScoreListQuery = {},
): Promise<MatchScore[] | null> {
  return db.transaction(async (tx) => {
    if (!(await eventExists(tx, eventId))) return null;
    const scores = (await readSources(tx, eventId)).map(toMatchScore);
    return scores.filter(
      (s) =>
        (filter.teamId === undefined ||
          s.teams.A.id === filter.teamId ||
          s.teams.B.id === filter.teamId) &&
        (filter.division === undefined || s.division === filter.division),
    );
  });
}

/** The score of one match of an event, or null when either does not exist (or not together). */
export async function getScore(
  db: Database | Transaction,
  eventId: string,
  matchId: string,
): Promise<MatchScore | null> {
  const [source] = await readSources(db, eventId, matchId);
  return source ? toMatchScore(source) : null;
}
