'use client';

import { create } from 'zustand';
import { subscribeSyncMessages, type FlushStatus, type SyncMessage } from '@courtsync/client';

/** What the app knows of the last flush, from whichever context ran it. */
export interface SyncStatus {
  flushing: boolean;
  lastFinishedAt?: string;
  lastStatus?: FlushStatus;
  lastReason?: string;
  receive(message: SyncMessage): void;
}

/** Sync status shared by every component of the tab, fed by the sync BroadcastChannel. */
export const useSyncStatus = create<SyncStatus>((set) => ({
  flushing: false,
  receive(message) {
    if (message.type === 'flush-started') set({ flushing: true });
    if (message.type === 'flush-finished') {
      set({
        flushing: false,
        lastFinishedAt: message.at,
        lastStatus: message.status,
        lastReason: message.reason,
      });
    }
  },
}));

/** Connects the store to the channel; returns the disconnect function. */
export function connectSyncStatus(): () => void {
  return subscribeSyncMessages((message) => useSyncStatus.getState().receive(message));
}
