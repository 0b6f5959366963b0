import { and, eq, sql } from 'drizzle-orm';
import { matches, upstreamMatches } from '../../db/schema';
import type { Database } from '../../db/types';
import type { ProviderName, ProviderResult } from '../provider';
import { providerState } from './provider-state';
import type { WriteCounter } from './write-counter';

/** A provider match the live jobs poll. */
export interface LiveMatch {
  providerNo: string;
  tournamentNo: string;
  matchId: string;
  format: 'indoor' | 'beach';
}

/**
 * Stores a live result: always as the provider's copy; into the match's state and status only
 * while nobody scores it courtside (`event_count = 0`, checked in the UPDATE, see
 * sync-matches.ts for which source owns which field). Returns whether the match row changed.
 */
export async function applyResult(
  db: Database,
  provider: ProviderName,
  match: LiveMatch,
  result: ProviderResult,
  writes: WriteCounter,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx
      .update(upstreamMatches)
      .set({
        status: result.status,
        version: result.version ?? null,
        providerScore: result.score,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(upstreamMatches.provider, provider),
          eq(upstreamMatches.providerNo, match.providerNo),
        ),
      );
    const state = providerState(match.format, result.score, result.status);
    const updated = await tx
      .update(matches)
      .set({ state, status: result.status, updatedAt: sql`now()` })
      .where(and(eq(matches.id, match.matchId), eq(matches.eventCount, 0)))
      .returning({ id: matches.id });
    writes.add(1 + updated.length);
    return updated.length > 0;
  });
}
