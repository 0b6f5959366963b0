/** BroadcastChannel shared by every tab and the service worker for sync progress (F17). */
export const SYNC_CHANNEL = 'courtsync-sync';

/** Messages about the outbox that every context may want to show. */
export type SyncMessage =
  | { type: 'flush-started'; at: string }
  | {
      type: 'flush-progress';
      at: string;
      applied: number;
      duplicates: number;
      rejected: number;
      pending: number;
    }
  | {
      type: 'flush-finished';
      at: string;
      status: 'done' | 'retry';
      pending: number;
      reason?: string;
    };

/** Tells every context of the origin (other tabs, the worker) about sync progress. */
export function publishSyncMessage(message: SyncMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  channel.postMessage(message);
  channel.close();
}

/** Listens to sync messages from other contexts; returns the unsubscribe function. */
export function subscribeSyncMessages(listener: (message: SyncMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  channel.onmessage = (event: MessageEvent<SyncMessage>) => listener(event.data);
  return () => channel.close();
}
