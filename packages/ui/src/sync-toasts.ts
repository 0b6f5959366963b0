import type { SyncMessage } from '@courtsync/client';

/** A toast to show, if any. */
export type SyncToast = { kind: 'success' | 'error'; message: string } | undefined;

/**
 * Decides the toasts of the sync (F15): one when a sync completes after the device was offline
 * (or the server unreachable), one for new refusals; nothing for an ordinary flush.
 */
export class SyncToasts {
  private away = false;

  /** The connection went away (offline, or a flush that must retry). */
  wentAway(): void {
    this.away = true;
  }

  /** The toast for a sync message. */
  onMessage(message: SyncMessage): SyncToast {
    if (message.type !== 'flush-finished') return undefined;
    if (message.status === 'retry') {
      this.away = true;
      return undefined;
    }
    let toast: SyncToast;
    if (message.rejected > 0) {
      const what = message.rejected === 1 ? '1 action was' : `${message.rejected} actions were`;
      toast = { kind: 'error', message: `${what} not accepted: see the sync queue` };
    } else if (
      this.away &&
      message.status === 'done' &&
      message.applied > 0 &&
      message.pending === 0
    ) {
      const what = message.applied === 1 ? '1 action' : `${message.applied} actions`;
      toast = { kind: 'success', message: `Back online: ${what} synced` };
    }
    if (message.status === 'done' && message.pending === 0) this.away = false;
    return toast;
  }
}
