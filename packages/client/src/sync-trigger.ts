import { SYNC_TAG } from '@courtsync/protocol';
import type { CourtSyncDb } from './courtsync-db';
import type { FlushResult } from './flush';
import { flushOnDemand } from './flush-on-demand';

/** The Background Sync API (not in TypeScript's DOM lib: Chromium only). */
interface SyncManagerLike {
  register(tag: string): Promise<void>;
}
type RegistrationWithSync = ServiceWorkerRegistration & { sync?: SyncManagerLike };

/** How a write will reach the server. */
export type SyncRoute = 'background-sync' | 'page-flush' | 'offline';

/** Whether this browser has Background Sync (Chromium) or needs the fallback flush (F9). */
export function hasBackgroundSync(): boolean {
  return typeof window !== 'undefined' && 'SyncManager' in window;
}

/**
 * Asks for the outbox to be flushed after a write (F8/F9): registers the Background Sync tag
 * so the service worker flushes when the network allows, even after the page is gone; without
 * Background Sync (or before a worker is active) the page flushes itself when online.
 */
export async function requestSync(db: CourtSyncDb): Promise<SyncRoute> {
  if (await registerBackgroundSync()) return 'background-sync';
  if (!navigator.onLine) return 'offline';
  await flushFromPage(db);
  return 'page-flush';
}

/** Registers the Background Sync tag; false where Background Sync or a worker is missing. */
export async function registerBackgroundSync(): Promise<boolean> {
  const registration = hasBackgroundSync() ? await activeRegistration() : undefined;
  if (!registration?.sync) return false;
  try {
    await registration.sync.register(SYNC_TAG);
    return true;
  } catch {
    // Permission denied or the worker is gone: the caller flushes from the page.
    return false;
  }
}

/** Flushes from the page with the origin-wide lock (a worker flush may be running). */
export function flushFromPage(db: CourtSyncDb): Promise<FlushResult> {
  return flushOnDemand({ db, fetch: (input, init) => fetch(input, init) });
}

/**
 * Fallback triggers where Background Sync is missing (iOS Safari, Firefox): on start, on
 * `online`, when the page becomes visible, and on a timer while open. Returns a stop function.
 */
export function installFallbackFlush(db: CourtSyncDb, intervalMs = 5 * 60_000): () => void {
  if (hasBackgroundSync()) return () => undefined;
  const run = () => {
    if (navigator.onLine) void flushFromPage(db).catch(() => undefined);
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') run();
  };
  window.addEventListener('online', run);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(run, intervalMs);
  run();
  return () => {
    window.removeEventListener('online', run);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}

/** The active service-worker registration, or undefined when none becomes ready quickly. */
async function activeRegistration(timeoutMs = 3000): Promise<RegistrationWithSync | undefined> {
  if (!('serviceWorker' in navigator)) return undefined;
  const timeout = new Promise<undefined>((resolve) =>
    setTimeout(() => resolve(undefined), timeoutMs),
  );
  return Promise.race([navigator.serviceWorker.ready as Promise<RegistrationWithSync>, timeout]);
}
