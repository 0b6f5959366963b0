// The baseline's service worker: the stock workbox-background-sync Queue, one stored request
// per op, replayed one by one when its sync event fires (what an app gets from Workbox alone).
import { Queue } from 'workbox-background-sync';

const QUEUE_NAME = 'courtsync-baseline';
const PUSH_URL = '/api/v1/sync/push';

/** While the bench fills the queue, the queue must not ask for a sync (the bench fires it). */
let holdSync = false;

class BaselineQueue extends Queue {
  async registerSync() {
    if (!holdSync) await super.registerSync();
  }
}

const queue = new BaselineQueue(QUEUE_NAME);

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// {type: 'fill', ops}: queues one plain JSON POST per op, as an app would on a failed fetch.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'fill') return;
  const port = event.ports[0];
  event.waitUntil(
    (async () => {
      holdSync = true;
      try {
        for (const op of event.data.ops) {
          await queue.pushRequest({
            request: new Request(PUSH_URL, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ ops: [op] }),
            }),
          });
        }
      } finally {
        holdSync = false;
      }
      port.postMessage({ queued: await queue.size() });
    })(),
  );
});
