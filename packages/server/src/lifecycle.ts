import { closeDatabase, getDatabase } from './db/singleton';
import { requestsInFlight, waitForIdle } from './http/in-flight';
import { logger } from './logger';
import { keepRunningWhenOutputCloses } from './output-streams';

/**
 * Starts opening (creating, migrating, seeding) the app's database at boot, so the first API
 * request does not pay for it. Not awaited: Next holds every request, pages included, until
 * `register()` returns, and loads the route bundles only after it — with the database opening
 * meanwhile, pages are served at once and the bundles load while PGlite starts (issue #14).
 * A failure is logged by getDatabase, and the next request that needs the database retries.
 */
export async function startServer(): Promise<void> {
  keepRunningWhenOutputCloses();
  void getDatabase().catch(() => undefined);
}

/**
 * Graceful stop: waits up to `drainTimeoutMs` for requests in flight (with
 * NEXT_MANUAL_SIG_HANDLE Next no longer drains them), then closes the database for good.
 */
export async function shutdownServer(drainTimeoutMs = 10_000): Promise<void> {
  logger.info('shutting down', { inFlight: requestsInFlight() });
  const drained = await waitForIdle(drainTimeoutMs);
  if (!drained)
    logger.warn('requests still in flight at shutdown', { inFlight: requestsInFlight() });
  await closeDatabase({ final: true });
}
