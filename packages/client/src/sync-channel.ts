/** BroadcastChannel shared by every tab and the service worker for sync progress (F17). */
export const SYNC_CHANNEL = 'courtsync-sync';

/** This JS context's id on the channel (a context's own messages come back to it too). */
export const SYNC_CONTEXT_ID: string = crypto.randomUUID();

/** How a flush ended: drained, try again later, or stopped until the user acts (401/403). */
export type FlushStatus = 'done' | 'retry' | 'paused';

/** An undo that took back an action with others after it: the score after it moved. */
export interface MovedUndo {
  /** The undo op. */
  opId: string;
  /** The action it took back. */
  target: string;
  /** How many actions after the target were replayed. */
  moved: number;
  /** Whether this device recorded the undo. */
  byThisDevice: boolean;
}

/** Messages about the outbox and the match logs that every context may want to show. */
export type SyncMessage =
  /** `pending`: ops queued when the flush started (the progress bar's total). */
  | { type: 'flush-started'; at: string; source: string; pending: number }
  | {
      type: 'flush-progress';
      at: string;
      source: string;
      applied: number;
      duplicates: number;
      rejected: number;
      pending: number;
    }
  | {
      type: 'flush-finished';
      at: string;
      source: string;
      status: FlushStatus;
      pending: number;
      /** Ops the server took / refused in this flush (toasts: sync done, new failures). */
      applied: number;
      rejected: number;
      /** Ops the settings kept back (battery rules, off, paused). */
      deferred: number;
      reason?: string;
      /** For `paused`: AUTH_REQUIRED or FORBIDDEN. */
      code?: string;
      retryAfterMs?: number;
    }
  /** A pull brought undos of earlier actions: "an earlier point was undone; the score moved". */
  | { type: 'score-moved'; at: string; matchId: string; undos: MovedUndo[] }
  /** The browser's last Background Sync attempt failed: an open page should take over. */
  | { type: 'worker-gave-up'; at: string; pending: number; reason?: string };

/** Tells every context of the origin (other tabs, the worker, this context) about sync. */
export function publishSyncMessage(message: SyncMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  channel.postMessage(message);
  channel.close();
}

/** Listens to sync messages from every context; returns the unsubscribe function. */
export function subscribeSyncMessages(listener: (message: SyncMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  channel.onmessage = (event: MessageEvent<SyncMessage>) => listener(event.data);
  return () => channel.close();
}
