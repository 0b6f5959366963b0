/// <reference lib="webworker" />
// Compiled by @ducanh2912/next-pwa into public/worker-*.js and imported by the generated sw.js
// (Workbox precaching + runtime caching live there; this file adds the outbox flush).
import { SYNC_TAG } from '@courtsync/protocol';
import { flush, openCourtSyncDb } from '@courtsync/client/worker';

declare const self: ServiceWorkerGlobalScope;

/** Background Sync's event (not in TypeScript's webworker lib). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

/** Flushes the outbox; rejects while ops remain so the browser retries the sync later (F12). */
async function flushOutbox(): Promise<void> {
  const result = await flush({
    db: openCourtSyncDb(),
    fetch: (input, init) => self.fetch(input, init),
    // No lock given: flush() takes the origin-wide Web Lock that the pages take too.
  });
  if (result.status === 'retry') {
    throw new Error(`outbox not drained (${result.pending} pending): ${result.reason ?? 'retry'}`);
  }
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === SYNC_TAG) sync.waitUntil(flushOutbox());
});

// Pages without Background Sync may still ask the worker to flush (one flusher either way).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'courtsync-flush') {
    event.waitUntil(flushOutbox().catch(() => undefined));
  }
});

export {};
