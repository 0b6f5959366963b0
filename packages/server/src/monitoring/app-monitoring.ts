import { getDatabase } from '../db/singleton';
import { logger } from '../logger';
import { systemClock } from '../upstream/schedule/clock';
import type { UpstreamSync } from '../upstream/sync-service';
import { appMonitoring } from './runtime';
import type { MonitoringRuntime } from './runtime';
import { linkUpstreamSync } from './upstream-link';
import type { UpstreamLink } from './upstream-link';

const KEY = Symbol.for('courtsync.server.monitoringLink');
type Holder = typeof globalThis & { [KEY]?: UpstreamLink };

/** The app's monitoring runtime (shared with the route handlers). */
export function appMonitoringRuntime(): MonitoringRuntime {
  return appMonitoring(async () => (await getDatabase()).db, logger);
}

/** Links the app's upstream sync to its monitoring; call before the sync starts. */
export function linkAppMonitoring(sync: UpstreamSync): void {
  const holder = globalThis as Holder;
  holder[KEY]?.unlink();
  holder[KEY] = linkUpstreamSync(appMonitoringRuntime(), sync, {
    getDb: async () => (await getDatabase()).db,
    log: logger,
    clock: systemClock,
  });
}

/** Starts the once-a-minute alert evaluation (F35) of this instance. */
export function startAppMonitoring(): void {
  appMonitoringRuntime().monitor.start();
}

/** Stops the link, the timer and waits for notifications in flight (shutdown). */
export async function stopAppMonitoring(): Promise<void> {
  const holder = globalThis as Holder;
  holder[KEY]?.unlink();
  delete holder[KEY];
  const runtime = appMonitoringRuntime();
  await runtime.queue.idle();
  await runtime.monitor.stop();
}
