import type { FlushReport, SyncMetrics } from '@courtsync/protocol';
import { and, count, eq, gte, max, sum } from 'drizzle-orm';
import { backgroundSyncReports } from '../../db/schema';
import type { Database } from '../../db/types';
import type { DeviceCaller } from './device-sync';

/** Stores a batch of flush reports; a report already stored (same id) counts as duplicate. */
export async function storeFlushReports(
  db: Database,
  caller: DeviceCaller,
  reports: readonly FlushReport[],
): Promise<{ stored: number; duplicates: number }> {
  const rows = await db
    .insert(backgroundSyncReports)
    .values(
      reports.map((r) => ({
        id: r.id,
        clientId: caller.clientId,
        userId: caller.userId,
        reportedAt: new Date(r.at),
        items: r.items,
        bytes: r.bytes,
        durationMs: r.durationMs,
        failures: r.failures,
        waitMs: r.waitMs,
      })),
    )
    .onConflictDoNothing({ target: backgroundSyncReports.id })
    .returning({ id: backgroundSyncReports.id });
  return { stored: rows.length, duplicates: reports.length - rows.length };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * A device's flush reports received in the last `windowMinutes`, aggregated: items per minute
 * of the window and of flush time, success rate, average wait in the queue.
 */
export async function readFlushMetrics(
  db: Database,
  clientId: string,
  windowMinutes: number,
  now = new Date(),
): Promise<SyncMetrics> {
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const t = backgroundSyncReports;
  const [row] = await db
    .select({
      flushes: count(),
      items: sum(t.items),
      bytes: sum(t.bytes),
      failures: sum(t.failures),
      durationMs: sum(t.durationMs),
      waitMs: sum(t.waitMs),
      last: max(t.receivedAt),
    })
    .from(t)
    .where(and(eq(t.clientId, clientId), gte(t.receivedAt, since)));
  // SUM of integers comes back as a numeric string (or null over no rows).
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  const items = n(row?.items);
  const failures = n(row?.failures);
  const durationMs = n(row?.durationMs);
  return {
    clientId,
    windowMinutes,
    flushes: n(row?.flushes),
    items,
    bytes: n(row?.bytes),
    failures,
    itemsPerMinute: round(items / windowMinutes),
    flushItemsPerMinute: durationMs > 0 ? round(items / (durationMs / 60_000)) : null,
    successRate: items + failures > 0 ? round(items / (items + failures)) : null,
    averageWaitMs: items > 0 ? Math.round(n(row?.waitMs) / items) : null,
    lastReportAt: row?.last ? new Date(row.last).toISOString() : null,
  };
}
