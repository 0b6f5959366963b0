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

/** Set by `shutdownServer`: a database that opens afterwards starts no background work. */
let stopping = false;

/** Delay before the boot retries a failed open for the background work. */
const REOPEN_DELAY_MS = 5_000;

/**
 * Wait between the database opening and the background work starting. The first upstream
 * runs queue their statements on PGlite's one connection ahead of the requests that waited
 * for the database: on 2 cores the first page's data came ≈ 250 ms later with them than
 * without (bench figure 10). A sync a second later costs nobody anything.
 */
export const BACKGROUND_START_DELAY_MS = 1_000;

/**
 * Starts opening (creating, migrating, seeding) the app's database at boot, so the first API
 * request does not pay for it. Not awaited: Next holds every request, pages included, until
 * `register()` returns, and loads the route bundles only after it — with the database opening
 * meanwhile, pages are served at once and the bundles load while PGlite starts (issue #14).
 * A failure is logged by getDatabase, and the next request that needs the database retries.
 * A second after it is open, the upstream sync starts when a provider is configured
 * (upstream/config.ts) and so does the alert evaluation of the monitoring.
 */
export async function startServer(): Promise<void> {
  keepRunningWhenOutputCloses();
  startBackgroundWork();
}

/** Upstream sync and monitoring once the database is open (retried while it fails). */
function startBackgroundWork(): void {
  getDatabase().then(
    ({ db }) => {
      const start = () => {
        if (stopping) return;
        try {
          startAppUpstreamSync(db, process.env, linkAppMonitoring);
          startAppMonitoring();
        } catch (error) {
          logger.error('background work failed to start', { error });
        }
      };
      setTimeout(start, BACKGROUND_START_DELAY_MS).unref();
    },
    () => {
      if (stopping) return;
      setTimeout(startBackgroundWork, REOPEN_DELAY_MS).unref();
    },
  );
}

/**
 * Graceful stop: stops the upstream sync (aborting runs in progress), waits up to `drainTimeoutMs` for requests in flight (with
 * NEXT_MANUAL_SIG_HANDLE Next no longer drains them), then closes the database for good.
 */
export async function shutdownServer(drainTimeoutMs = 10_000): Promise<void> {
  stopping = true;
  logger.info('shutting down', { inFlight: requestsInFlight() });
  // Sync runs first: they write to the database that is closed last.
  await stopAppUpstreamSync(drainTimeoutMs);
  await stopAppMonitoring();
  const drained = await waitForIdle(drainTimeoutMs);
  if (!drained)
    logger.warn('requests still in flight at shutdown', { inFlight: requestsInFlight() });
  await closeDatabase({ final: true });
}
