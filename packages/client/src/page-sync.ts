import { DEVICE_API } from '@courtsync/protocol';
import type { CourtSyncDb } from './courtsync-db';
import { flushOnDemand } from './flush-on-demand';
import { countPending } from './outbox-queue';
import { SYNC_CONTEXT_ID, subscribeSyncMessages } from './sync-channel';
import { SyncLoop, type SyncLoopOptions } from './sync-loop';
import { registerBackgroundSync, type SyncRoute } from './sync-trigger';

/** How long after the last tap an open page flushes itself (Background Sync goes first). */
const TAP_FLUSH_DELAY_MS = 1_000;

/** Options of `startPageSync`. */
export interface PageSyncOptions {
  fetch?: typeof fetch;
  loop?: SyncLoopOptions;
}

/** The page's sync, as the screens drive it. */
export interface PageSync {
  readonly loop: SyncLoop;
  /**
   * After a tap: registers Background Sync (the worker flushes even if the page closes) and,
   * when online, flushes from the page too. A paused loop resumes (a tap is a user action).
   */
  requestSync(): Promise<SyncRoute>;
  /** "Try again" / signed in again: leaves `paused` and flushes now. */
  resume(): void;
  stop(): void;
}

/**
 * Runs the page's sync loop (backoff + jitter, probes, pause on 401/403) and its triggers:
 * page load with pending ops, `online`, and a failed flush of ANY other context (the worker's
 * Background Sync that failed or gave up), after which the open page takes over.
 */
export function startPageSync(db: CourtSyncDb, options: PageSyncOptions = {}): PageSync {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const loop = new SyncLoop(
    {
      flush: () => flushOnDemand({ db, fetch: fetchFn }),
      // No request while the browser knows it is offline: the `online` event resumes the loop.
      probe: async () =>
        globalThis.navigator?.onLine !== false &&
        (await fetchFn(DEVICE_API.connectivityTest, { method: 'HEAD', cache: 'no-store' })).ok,
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      random: Math.random,
      now: Date.now,
    },
    options.loop,
  );
  const unsubscribe = subscribeSyncMessages((message) => {
    const foreignRetry =
      message.type === 'flush-finished' &&
      message.status === 'retry' &&
      message.source !== SYNC_CONTEXT_ID;
    if (foreignRetry) loop.takeOver(message.retryAfterMs);
    if (message.type === 'worker-gave-up') loop.takeOver();
  });
  let tapTimer: ReturnType<typeof setTimeout> | undefined;
  const onOnline = () => loop.resume();
  globalThis.addEventListener?.('online', onOnline);
  // A page that opens with ops left from an earlier visit sends them.
  void countPending(db).then((pending) => pending > 0 && loop.resume());
  return {
    loop,
    async requestSync() {
      // The tag is registered for the case the page closes before the ops are out. It is not
      // enough while the page is open: after one failed sync Chromium waits minutes before
      // the next attempt, and registering the tag again does not bring it forward (measured
      // by bench figure 11: a second outage in the same page stalled for the full 30 s).
      // So an open, online page also flushes itself; the Web Lock keeps one flusher.
      const registered = await registerBackgroundSync();
      const offline = globalThis.navigator?.onLine === false;
      clearTimeout(tapTimer);
      if (registered) {
        // The worker usually delivers at once; the page's flush comes once the taps pause
        // (debounced), so rapid taps do not compete with a flush on the page's thread.
        if (!offline) tapTimer = setTimeout(() => loop.resume(), TAP_FLUSH_DELAY_MS);
        return 'background-sync';
      }
      if (offline) return 'offline';
      loop.resume();
      return 'page-flush';
    },
    resume: () => loop.resume(),
    stop() {
      clearTimeout(tapTimer);
      unsubscribe();
      globalThis.removeEventListener?.('online', onOnline);
      loop.stop();
    },
  };
}
