import type { Database } from '../db/types';
import { isJobActive } from '../monitoring/sync-status';
import { upstreamConfigFromEnv } from './config';
import { createUpstreamSync } from './sync-service';
import type { UpstreamSync } from './sync-service';

const KEY = Symbol.for('courtsync.server.upstreamSync');
type Holder = typeof globalThis & { [KEY]?: UpstreamSync };

/** The app's running sync, if started (on globalThis: Next loads server code twice). */
export function appUpstreamSync(): UpstreamSync | undefined {
  return (globalThis as Holder)[KEY];
}

/**
 * Starts the app's sync when the environment enables it (see `upstreamConfigFromEnv`);
 * returns it, or undefined when sync is off. Idempotent.
 */
export function startAppUpstreamSync(
  db: Database,
  env: NodeJS.ProcessEnv = process.env,
  /** Called with the sync before it starts (the monitoring hooks onto its runner). */
  prepare?: (sync: UpstreamSync) => void,
): UpstreamSync | undefined {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const config = upstreamConfigFromEnv(env);
  if (!config.enabled) return undefined;
  // Paused jobs (sync_status.active, set from the admin dashboard) skip their scheduled runs.
  const sync = createUpstreamSync(db, { ...config, gate: (job) => isJobActive(db, job) });
  holder[KEY] = sync;
  prepare?.(sync);
  sync.start();
  return sync;
}

/** Stops the app's sync (graceful shutdown) if it runs. */
export async function stopAppUpstreamSync(timeoutMs?: number): Promise<void> {
  const holder = globalThis as Holder;
  const sync = holder[KEY];
  delete holder[KEY];
  await sync?.stop(timeoutMs);
}
