import { and, eq, gt, lte, or, sql } from 'drizzle-orm';
import { matches, upstreamMatches } from '../../db/schema';
import type { Database } from '../../db/types';
import type { ProviderName } from '../provider';
import type { LiveMatch } from '../store/apply-result';

/** A match that has not been reported finished this long after its start is no longer polled. */
const LIVE_WINDOW_MS = 6 * 3_600_000;

/**
 * Matches of `provider` in progress at `now`: reported live, or scheduled to have started
 * (within the last six hours) and not yet reported finished.
 */
export async function loadLiveMatches(
  db: Database,
  provider: ProviderName,
  now: Date,
): Promise<LiveMatch[]> {
  return db
    .select({
      providerNo: upstreamMatches.providerNo,
      tournamentNo: upstreamMatches.tournamentNo,
      matchId: upstreamMatches.matchId,
      format: matches.format,
    })
    .from(upstreamMatches)
    .innerJoin(matches, eq(matches.id, upstreamMatches.matchId))
    .where(
      and(
        eq(upstreamMatches.provider, provider),
        or(
          eq(upstreamMatches.status, 'live'),
          and(
            eq(upstreamMatches.status, 'scheduled'),
            lte(matches.scheduledAt, now),
            gt(matches.scheduledAt, new Date(now.getTime() - LIVE_WINDOW_MS)),
          ),
        ),
      ),
    )
    .orderBy(upstreamMatches.tournamentNo, upstreamMatches.providerNo);
}

/** UTC days (YYYY-MM-DD) on which `provider` has a match: Presto's game days. */
export async function matchDays(db: Database, provider: ProviderName): Promise<Set<string>> {
  const day = sql<string>`to_char(${matches.scheduledAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .selectDistinct({ day })
    .from(upstreamMatches)
    .innerJoin(matches, eq(matches.id, upstreamMatches.matchId))
    .where(eq(upstreamMatches.provider, provider));
  return new Set(rows.map((r) => r.day));
}
