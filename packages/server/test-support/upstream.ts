import { SimClock, startUpstreamSim } from '@courtsync/upstream-sim';
import type { UpstreamSim, UpstreamSimOptions } from '@courtsync/upstream-sim';
import { like, or, inArray, sql } from 'drizzle-orm';
import {
  matchEvents,
  matches,
  matchScheduleChanges,
  syncExecutions,
  syncJobSlots,
  syncTournamentResults,
  tournaments,
  upstreamCache,
  upstreamCredentials,
  upstreamMatches,
  upstreamTournaments,
} from '../src/db/schema';
import type { Database } from '../src/db/types';
import { createUpstreamSync } from '../src/upstream/sync-service';
import type { UpstreamSync, UpstreamSyncOptions } from '../src/upstream/sync-service';

/** A fixed simulated "now" for upstream tests: 2026-03-04 12:10 UTC, a Wednesday. */
export const SIM_START = Date.parse('2026-03-04T12:10:00Z');

/**
 * Retries fast enough for tests: 3 attempts, 40 ms → 80 ms backoff. The 3 s timeout leaves room
 * for PGlite, which runs on the test thread (as does the simulator) and delays its callbacks.
 */
export const TEST_RETRY_POLICY = {
  attempts: 3,
  timeoutMs: 3000,
  baseDelayMs: 40,
  maxDelayMs: 2_000,
};

/** The simulator on a frozen clock at SIM_START (tests move it), on a free port. */
export function startTestSim(options: UpstreamSimOptions = {}): Promise<UpstreamSim> {
  return startUpstreamSim({ clock: new SimClock({ start: SIM_START, frozen: true }), ...options });
}

/** A sync of both providers against `sim` (no catch-up, nothing started). */
export function testSync(
  db: Database,
  sim: UpstreamSim,
  options: Partial<UpstreamSyncOptions> & { visPassword?: string; prestoPassword?: string } = {},
): UpstreamSync {
  return createUpstreamSync(db, {
    vis: {
      url: sim.visUrl,
      credentials: { username: 'courtsync', password: options.visPassword ?? 'vis-secret' },
    },
    presto: {
      url: sim.prestoUrl,
      username: 'courtsync',
      password: options.prestoPassword ?? 'presto-secret',
      teamIds: ['team-101', 'team-102'],
    },
    retryPolicy: TEST_RETRY_POLICY,
    catchUp: false,
    ...options,
  });
}

/** Deletes everything the upstream sync wrote, so each test starts from the seeded database. */
export async function resetUpstreamData(db: Database): Promise<void> {
  const synced = or(like(matches.id, 'vis-%'), like(matches.id, 'presto-%'));
  await db.transaction(async (tx) => {
    await tx.delete(syncTournamentResults);
    await tx.delete(syncExecutions);
    await tx.delete(syncJobSlots);
    await tx.delete(upstreamCache);
    await tx.delete(upstreamCredentials);
    await tx.delete(matchScheduleChanges);
    await tx.delete(upstreamMatches);
    const ids = tx.select({ id: matches.id }).from(matches).where(synced);
    await tx.delete(matchEvents).where(inArray(matchEvents.matchId, ids));
    await tx.delete(matches).where(synced);
    await tx.delete(upstreamTournaments);
    await tx
      .delete(tournaments)
      .where(sql`${tournaments.id} like 'vis-%' or ${tournaments.id} like 'presto-%'`);
  });
}
