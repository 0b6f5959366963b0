import { closeDatabase, getDatabase } from './db/singleton';
import { requestsInFlight, waitForIdle } from './http/in-flight';
import { logger } from './logger';
import {
  linkAppMonitoring,
  startAppMonitoring,
  stopAppMonitoring,
} from './monitoring/app-monitoring';
import { keepRunningWhenOutputCloses } from './output-streams';
import { startAppUpstreamSync, stopAppUpstreamSync } from './upstream/app-sync';

/**
 * Opens (creates, migrates, seeds) the app's database at boot, so the first request is fast,
 * and starts the upstream sync when a provider is configured (upstream/config.ts).
 */
export async function startServer(): Promise<void> {
  keepRunningWhenOutputCloses();
  const { db } = await getDatabase();
  startAppUpstreamSync(db, process.env, linkAppMonitoring);
  startAppMonitoring();
}

/**
 * Graceful stop: stops the upstream sync (aborting runs in progress), waits up to `drainTimeoutMs` for requests in flight (with
 * NEXT_MANUAL_SIG_HANDLE Next no longer drains them), then closes the database for good.
 */
export async function shutdownServer(drainTimeoutMs = 10_000): Promise<void> {
  logger.info('shutting down', { inFlight: requestsInFlight() });
  // Sync runs first: they write to the database that is closed last.
  await stopAppUpstreamSync(drainTimeoutMs);
  await stopAppMonitoring();
  const drained = await waitForIdle(drainTimeoutMs);
  if (!drained)
    logger.warn('requests still in flight at shutdown', { inFlight: requestsInFlight() });
  await closeDatabase({ final: true });
}
