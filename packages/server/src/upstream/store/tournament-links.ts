import { and, eq, inArray, sql } from 'drizzle-orm';
import { tournaments, upstreamTournaments } from '../../db/schema';
import type { Database } from '../../db/types';
import { contentHash } from '../http/fetch-validated';
import type { ProviderName, ProviderTournament } from '../provider';
import { tournamentIdFor } from './ids';
import type { WriteCounter } from './write-counter';

/** A provider tournament we hold, with what the schedule job compares. */
export type TournamentLink = typeof upstreamTournaments.$inferSelect;

/** The tournaments we hold of `provider`, by provider number (optionally only some statuses). */
export async function loadTournamentLinks(
  db: Database,
  provider: ProviderName,
  statuses?: TournamentLink['status'][],
): Promise<Map<string, TournamentLink>> {
  const where = statuses
    ? and(eq(upstreamTournaments.provider, provider), inArray(upstreamTournaments.status, statuses))
    : eq(upstreamTournaments.provider, provider);
  const rows = await db.select().from(upstreamTournaments).where(where);
  return new Map(rows.map((r) => [r.providerNo, r]));
}

/** Hash of what we store of a tournament (its Version is left out: it moves with its matches). */
function tournamentHash(t: ProviderTournament): string {
  const { name, location, status, startDate, endDate, code } = t;
  return contentHash(JSON.stringify([name, location, status, startDate, endDate, code ?? null]));
}

/**
 * Upserts provider tournaments keyed on their number: new or changed ones are written to
 * `tournaments` (what the app lists) and `upstream_tournaments` in one transaction, two
 * statements in all; unchanged ones (same content hash) are not written. Returns the count.
 */
export async function upsertTournaments(
  db: Database,
  provider: ProviderName,
  list: ProviderTournament[],
  held: Map<string, TournamentLink>,
  writes: WriteCounter,
): Promise<number> {
  const changed = list
    .map((t) => ({ t, hash: tournamentHash(t) }))
    .filter(({ t, hash }) => held.get(t.no)?.contentHash !== hash);
  if (changed.length === 0) return 0;
  await db.transaction(async (tx) => {
    await tx
      .insert(tournaments)
      .values(
        changed.map(({ t }) => ({
          id: tournamentIdFor(provider, t.no),
          name: t.name,
          location: t.location,
          startsOn: t.startDate,
          endsOn: t.endDate,
        })),
      )
      .onConflictDoUpdate({
        target: tournaments.id,
        set: {
          name: sql`excluded.name`,
          location: sql`excluded.location`,
          startsOn: sql`excluded.starts_on`,
          endsOn: sql`excluded.ends_on`,
        },
      });
    await tx
      .insert(upstreamTournaments)
      .values(
        changed.map(({ t, hash }) => ({
          provider,
          providerNo: t.no,
          tournamentId: tournamentIdFor(provider, t.no),
          code: t.code ?? null,
          status: t.status,
          version: t.version ?? null,
          contentHash: hash,
        })),
      )
      .onConflictDoUpdate({
        target: [upstreamTournaments.provider, upstreamTournaments.providerNo],
        set: {
          code: sql`excluded.code`,
          status: sql`excluded.status`,
          version: sql`excluded.version`,
          contentHash: sql`excluded.content_hash`,
          updatedAt: sql`now()`,
        },
      });
  });
  for (const { t, hash } of changed) {
    const previous = held.get(t.no);
    const link: TournamentLink = {
      provider,
      providerNo: t.no,
      tournamentId: tournamentIdFor(provider, t.no),
      code: t.code ?? null,
      status: t.status,
      version: t.version ?? null,
      contentHash: hash,
      scheduleVersion: previous?.scheduleVersion ?? null,
      scheduleSyncedAt: previous?.scheduleSyncedAt ?? null,
      updatedAt: new Date(),
    };
    held.set(t.no, link);
  }
  writes.add(changed.length * 2);
  return changed.length;
}

/** Records that a tournament's match list was synced at provider Version `version`. */
export async function markScheduleSynced(
  db: Database,
  provider: ProviderName,
  no: string,
  version: string | null,
  writes: WriteCounter,
): Promise<void> {
  await db
    .update(upstreamTournaments)
    .set({ scheduleVersion: version, scheduleSyncedAt: sql`now()` })
    .where(and(eq(upstreamTournaments.provider, provider), eq(upstreamTournaments.providerNo, no)));
  writes.add(1);
}
