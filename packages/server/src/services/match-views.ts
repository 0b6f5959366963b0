import type { MatchEventsResponse, MatchView } from '@courtsync/protocol';
import { asc, eq } from 'drizzle-orm';
import { matches, matchEvents } from '../db/schema';
import type { Database } from '../db/types';
import { toAppliedOp } from './feed/read-feed';

/** A `matches` row as drizzle returns it. */
export type MatchRow = typeof matches.$inferSelect;

/** Wire form of a match row. */
export function toMatchView(row: MatchRow): MatchView {
  return {
    id: row.id,
    tournamentId: row.tournamentId,
    format: row.format,
    teamA: row.teamA,
    teamB: row.teamB,
    court: row.court,
    scheduledAt: row.scheduledAt.toISOString(),
    status: row.status,
    state: row.state,
    eventCount: row.eventCount,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The match with this id, or null. */
export async function getMatchView(db: Database, matchId: string): Promise<MatchView | null> {
  const [row] = await db.select().from(matches).where(eq(matches.id, matchId));
  return row ? toMatchView(row) : null;
}

/** The applied event log of a match in position order, or null when the match does not exist. */
export async function getMatchEvents(
  db: Database,
  matchId: string,
): Promise<MatchEventsResponse | null> {
  // One snapshot for both reads, so the log is never newer than the existence check.
  return db.transaction(async (tx) => {
    const [match] = await tx
      .select({ id: matches.id })
      .from(matches)
      .where(eq(matches.id, matchId));
    if (!match) return null;
    const rows = await tx
      .select()
      .from(matchEvents)
      .where(eq(matchEvents.matchId, matchId))
      .orderBy(asc(matchEvents.position));
    return {
      matchId,
      events: rows.map((row) => ({ ...toAppliedOp(row), position: row.position })),
    };
  });
}
