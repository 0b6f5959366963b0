import type { CourtSyncDb } from './courtsync-db';
import type { FlushOptions, FlushResult } from './flush';

/**
 * Runs `flush` from a page, loading its code (flush, push, settling, gating) on first use. A
 * page flushes only after a tap, with ops left from an earlier visit, or when the worker gives
 * up — the worker sends the rest — so that code stays out of the screens' first load (bench
 * figure 8a). The worker imports `flush` directly.
 */
export async function flushOnDemand(options: FlushOptions): Promise<FlushResult> {
  const { flush } = await import('./flush');
  return flush(options);
}

/** Sends the stored flush reports (F24), loading their code on first use (see flushOnDemand). */
export async function sendFlushReportsOnDemand(
  db: CourtSyncDb,
  fetchFn: typeof fetch,
): Promise<number> {
  const { sendFlushReports } = await import('./flush-reports');
  return sendFlushReports(db, fetchFn);
}
