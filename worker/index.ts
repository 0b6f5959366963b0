/// <reference lib="webworker" />
// Compiled by @ducanh2912/next-pwa into public/worker-*.js and imported by the generated sw.js
// (Workbox precaching + runtime caching live there; this file adds the outbox flush).
import { SYNC_TAG } from '@courtsync/protocol';
import {
  flush,
  openCourtSyncDb,
  publishSyncMessage,
  sendFlushReports,
} from '@courtsync/client/worker';

declare const self: ServiceWorkerGlobalScope;

/** Background Sync's event (not in TypeScript's webworker lib). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

/**
 * Flushes the outbox (and pulls the matches it pushed). A `retry` result rejects so the
 * browser retries the sync later (F12) — except on its last chance, when an open page is told
 * to take over and the event resolves. `paused` (401/403) resolves: retrying cannot help
 * until the user signs in, and the pages show why. Ops the settings keep back (battery rules,
 * sync off or paused) also resolve: an open page sends them when the rules allow.
 */
async function flushOutbox(lastChance: boolean): Promise<void> {
  const db = openCourtSyncDb();
  const fetchFn: typeof fetch = (input, init) => self.fetch(input, init);
  // No lock given: flush() takes the origin-wide Web Lock that the pages take too. The
  // settings apply (off, paused, battery rules from the page's last battery reading).
  const result = await flush({ db, fetch: fetchFn });
  if (result.status !== 'retry') {
    // After the ops are in: the flush reports (F24) ride along, best effort.
    if (result.status === 'done' && result.batches > 0) await sendFlushReports(db, fetchFn);
    return;
  }
  if (lastChance) {
    publishSyncMessage({
      type: 'worker-gave-up',
      at: new Date().toISOString(),
      pending: result.pending,
      reason: result.reason,
    });
    return;
  }
  throw new Error(`outbox not drained (${result.pending} pending): ${result.reason ?? 'retry'}`);
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === SYNC_TAG) sync.waitUntil(flushOutbox(sync.lastChance));
});

export {};
