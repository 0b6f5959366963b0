import type { CoveragePlan } from '@courtsync/protocol';
import { and, eq, inArray } from 'drizzle-orm';
import { coveragePlans, matches, tournaments } from '../../db/schema';
import type { Database } from '../../db/types';
import { HttpError } from '../../http/responses';

async function assertEvent(db: Database, eventId: string): Promise<void> {
  const [event] = await db
    .select({ id: tournaments.id })
    .from(tournaments)
    .where(eq(tournaments.id, eventId));
  if (!event) throw new HttpError(404, 'NOT_FOUND', `No event with id "${eventId}"`);
}

/** A user's coverage plan of an event (F5); an empty one when they have none. */
export async function getCoveragePlan(
  db: Database,
  userId: string,
  eventId: string,
): Promise<CoveragePlan> {
  await assertEvent(db, eventId);
  const [row] = await db
    .select()
    .from(coveragePlans)
    .where(and(eq(coveragePlans.userId, userId), eq(coveragePlans.tournamentId, eventId)));
  return {
    eventId,
    selectedMatches: row?.matchIds ?? [],
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Replaces the plan; every match must belong to the event (400 naming those that do not). */
export async function putCoveragePlan(
  db: Database,
  userId: string,
  eventId: string,
  selected: readonly string[],
): Promise<CoveragePlan> {
  await assertEvent(db, eventId);
  const unique = [...new Set(selected)];
  const found =
    unique.length === 0
      ? []
      : await db
          .select({ id: matches.id })
          .from(matches)
          .where(and(eq(matches.tournamentId, eventId), inArray(matches.id, unique)));
  const known = new Set(found.map((m) => m.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const issues = unknown.map((id) => ({
      path: ['selectedMatches', selected.indexOf(id)],
      message: `no match "${id}" in event "${eventId}"`,
    }));
    throw new HttpError(400, 'VALIDATION_FAILED', 'Unknown matches in the plan', issues);
  }
  const now = new Date();
  await db
    .insert(coveragePlans)
    .values({ userId, tournamentId: eventId, matchIds: unique, updatedAt: now })
    .onConflictDoUpdate({
      target: [coveragePlans.userId, coveragePlans.tournamentId],
      set: { matchIds: unique, updatedAt: now },
    });
  return { eventId, selectedMatches: unique, updatedAt: now.toISOString() };
}

/** Deletes the plan (nothing to delete is fine); 404 for an unknown event. */
export async function deleteCoveragePlan(
  db: Database,
  userId: string,
  eventId: string,
): Promise<void> {
  await assertEvent(db, eventId);
  await db
    .delete(coveragePlans)
    .where(and(eq(coveragePlans.userId, userId), eq(coveragePlans.tournamentId, eventId)));
}
