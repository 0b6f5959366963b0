import { asc, eq } from 'drizzle-orm';
import { matchScheduleChanges } from '../../db/schema';
import type { Database } from '../../db/types';

/** One provider reschedule of a match, for the UI ("court 2 → court 4, 14:30 → 15:10"). */
export interface ScheduleChange {
  provider: string;
  oldCourt: string;
  newCourt: string;
  oldScheduledAt: string;
  newScheduledAt: string;
  detectedAt: string;
}

/** Every reschedule and court change of a match, oldest first. */
export async function matchScheduleHistory(
  db: Database,
  matchId: string,
): Promise<ScheduleChange[]> {
  const rows = await db
    .select()
    .from(matchScheduleChanges)
    .where(eq(matchScheduleChanges.matchId, matchId))
    .orderBy(asc(matchScheduleChanges.detectedAt), asc(matchScheduleChanges.id));
  return rows.map((r) => ({
    provider: r.provider,
    oldCourt: r.oldCourt,
    newCourt: r.newCourt,
    oldScheduledAt: r.oldScheduledAt.toISOString(),
    newScheduledAt: r.newScheduledAt.toISOString(),
    detectedAt: r.detectedAt.toISOString(),
  }));
}
