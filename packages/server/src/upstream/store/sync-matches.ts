import { and, eq, sql } from 'drizzle-orm';
import { matches, matchScheduleChanges, upstreamMatches } from '../../db/schema';
import type { Database, Transaction } from '../../db/types';
import { contentHash } from '../http/fetch-validated';
import type { ProviderMatch, ProviderName } from '../provider';
import { matchIdFor, tournamentIdFor } from './ids';
import { providerState } from './provider-state';
import type { WriteCounter } from './write-counter';

/** What syncing one tournament's match list did. */
export interface MatchSyncResult {
  processed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rescheduled: number;
}

interface Held {
  matchId: string;
  contentHash: string;
  court: string;
  scheduledAt: Date;
}

function matchHash(m: ProviderMatch): string {
  return contentHash(
    JSON.stringify([
      m.teamA,
      m.teamB,
      m.court,
      m.scheduledAt.toISOString(),
      m.status,
      m.score ?? null,
      m.version ?? null,
    ]),
  );
}

async function loadHeld(
  db: Database,
  provider: ProviderName,
  tournamentNo: string,
): Promise<Map<string, Held>> {
  const rows = await db
    .select({
      providerNo: upstreamMatches.providerNo,
      matchId: upstreamMatches.matchId,
      contentHash: upstreamMatches.contentHash,
      court: matches.court,
      scheduledAt: matches.scheduledAt,
    })
    .from(upstreamMatches)
    .innerJoin(matches, eq(matches.id, upstreamMatches.matchId))
    .where(
      and(eq(upstreamMatches.provider, provider), eq(upstreamMatches.tournamentNo, tournamentNo)),
    );
  return new Map(rows.map((r) => [r.providerNo, r]));
}

/**
 * Provider fields vs CourtSync's: the provider owns the schedule (teams, court, time) and the
 * score and status of a match nobody scores courtside. Once a match has a courtside event
 * (`event_count > 0`) its state and status are CourtSync's: the provider's copy is kept in
 * `upstream_matches.provider_score` only. The check is in the UPDATE itself, so it holds
 * against a push that commits at the same moment (the push locks the row).
 */
async function updateMatch(tx: Transaction, m: ProviderMatch, matchId: string): Promise<void> {
  const mirrored = m.score ? providerState(m.format, m.score, m.status) : undefined;
  await tx
    .update(matches)
    .set({
      teamA: m.teamA,
      teamB: m.teamB,
      court: m.court,
      scheduledAt: m.scheduledAt,
      status: sql`case when ${matches.eventCount} = 0 then ${m.status} else ${matches.status} end`,
      ...(mirrored
        ? {
            state: sql`case when ${matches.eventCount} = 0 then ${JSON.stringify(mirrored)}::jsonb else ${matches.state} end`,
          }
        : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(matches.id, matchId));
}

/**
 * Syncs one tournament's match list, keyed on the provider's match numbers: new matches are
 * inserted, changed ones updated (a court or time change also writes a history row), and
 * unchanged ones (same content hash) not touched. One transaction per tournament.
 */
export async function syncTournamentMatches(
  db: Database,
  provider: ProviderName,
  tournamentNo: string,
  list: ProviderMatch[],
  options: { executionId?: number; writes: WriteCounter },
): Promise<MatchSyncResult> {
  const held = await loadHeld(db, provider, tournamentNo);
  const result: MatchSyncResult = {
    processed: list.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rescheduled: 0,
  };
  const fresh: Array<{ m: ProviderMatch; hash: string }> = [];
  const changed: Array<{ m: ProviderMatch; hash: string; prev: Held }> = [];
  for (const m of list) {
    const hash = matchHash(m);
    const prev = held.get(m.no);
    if (!prev) fresh.push({ m, hash });
    else if (prev.contentHash !== hash) changed.push({ m, hash, prev });
    else result.unchanged += 1;
  }
  if (fresh.length === 0 && changed.length === 0) return result;
  const tournamentId = tournamentIdFor(provider, tournamentNo);
  await db.transaction(async (tx) => {
    if (fresh.length > 0) {
      await tx
        .insert(matches)
        .values(
          fresh.map(({ m }) => ({
            id: matchIdFor(provider, m.no),
            tournamentId,
            format: m.format,
            teamA: m.teamA,
            teamB: m.teamB,
            court: m.court,
            scheduledAt: m.scheduledAt,
            status: m.status,
            state: providerState(
              m.format,
              m.score ?? { sets: [], setsWon: { a: 0, b: 0 } },
              m.status,
            ),
          })),
        )
        .onConflictDoNothing({ target: matches.id });
      await tx.insert(upstreamMatches).values(
        fresh.map(({ m, hash }) => ({
          provider,
          providerNo: m.no,
          matchId: matchIdFor(provider, m.no),
          tournamentNo,
          status: m.status,
          version: m.version ?? null,
          contentHash: hash,
          providerScore: m.score ?? { sets: [], setsWon: { a: 0, b: 0 } },
        })),
      );
      result.inserted = fresh.length;
      options.writes.add(fresh.length * 2);
    }
    for (const { m, hash, prev } of changed) {
      if (prev.court !== m.court || prev.scheduledAt.getTime() !== m.scheduledAt.getTime()) {
        await tx.insert(matchScheduleChanges).values({
          matchId: prev.matchId,
          provider,
          oldCourt: prev.court,
          newCourt: m.court,
          oldScheduledAt: prev.scheduledAt,
          newScheduledAt: m.scheduledAt,
          executionId: options.executionId ?? null,
        });
        result.rescheduled += 1;
        options.writes.add(1);
      }
      await updateMatch(tx, m, prev.matchId);
      await tx
        .update(upstreamMatches)
        .set({
          status: m.status,
          version: m.version ?? null,
          contentHash: hash,
          ...(m.score ? { providerScore: m.score } : {}),
          updatedAt: sql`now()`,
        })
        .where(and(eq(upstreamMatches.provider, provider), eq(upstreamMatches.providerNo, m.no)));
      options.writes.add(2);
    }
    result.updated = changed.length;
  });
  return result;
}
