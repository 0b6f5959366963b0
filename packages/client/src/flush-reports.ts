import {
  DEVICE_API,
  MAX_REPORTS_PER_POST,
  postMetricsRequestSchema,
  type FlushReport,
} from '@courtsync/protocol';
import type { CourtSyncDb } from './courtsync-db';
import type { FlushResult } from './flush';

/** Reports kept at most while the server cannot be reached (the oldest go first). */
const MAX_KEPT = 500;

/** Keeps what one flush did for the server's metrics (F24): one local write, no request. */
export async function queueFlushReport(
  db: CourtSyncDb,
  result: Pick<
    FlushResult,
    'applied' | 'duplicates' | 'rejected' | 'failedSends' | 'bytesSent' | 'durationMs' | 'waitMs'
  >,
  at = new Date(),
): Promise<void> {
  const report: FlushReport = {
    id: crypto.randomUUID(),
    at: at.toISOString(),
    items: result.applied + result.duplicates,
    bytes: result.bytesSent,
    durationMs: Math.max(0, Math.round(result.durationMs)),
    failures: result.rejected + result.failedSends,
    waitMs: Math.max(0, Math.round(result.waitMs)),
  };
  await db.transaction('rw', db.reports, async () => {
    await db.reports.add(report);
    const extra = (await db.reports.count()) - MAX_KEPT;
    if (extra > 0) {
      const oldest = (await db.reports.toArray()).sort((a, b) => a.at.localeCompare(b.at));
      await db.reports.bulkDelete(oldest.slice(0, extra).map((r) => r.id));
    }
  });
}

/**
 * Sends the kept reports in batches (POST metrics) and forgets the ones the server took or
 * refused as invalid. Never throws: metrics wait for the next chance. Returns how many went.
 */
export async function sendFlushReports(
  db: CourtSyncDb,
  fetchFn: typeof fetch,
  url: string = DEVICE_API.background.metrics,
): Promise<number> {
  const clientId = (await db.meta.get('clientId'))?.value;
  if (typeof clientId !== 'string') return 0;
  let sent = 0;
  try {
    for (;;) {
      const reports = await db.reports.limit(MAX_REPORTS_PER_POST).toArray();
      if (reports.length === 0) return sent;
      const body = postMetricsRequestSchema.parse({ clientId, reports });
      const response = await fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
      // 5xx, 408, 429: keep them for later. Other 4xx will not get better: drop them.
      if (response.status >= 500 || response.status === 408 || response.status === 429) return sent;
      await db.reports.bulkDelete(reports.map((r) => r.id));
      if (response.ok) sent += reports.length;
    }
  } catch {
    return sent;
  }
}

/** The reports still waiting to be sent. */
export function countQueuedReports(db: CourtSyncDb): Promise<number> {
  return db.reports.count();
}
