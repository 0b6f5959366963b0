'use client';

import { create } from 'zustand';
import type { BackgroundSyncState, SyncMessage } from '@courtsync/client';

/** One finished flush, for the sync rate. */
interface FinishedFlush {
  at: number;
  applied: number;
}

/** What the indicator and the /sync page show, from the manager and the sync channel. */
export interface BackgroundSyncView {
  /** The tab's BackgroundSyncManager state (undefined until it has started). */
  manager?: BackgroundSyncState;
  flushing: boolean;
  /** Ops queued when the running flush started, and how many it has settled. */
  total: number;
  done: number;
  startedAt?: number;
  /** Pending ops after the last flush (any context: this tab, another, the worker). */
  pending?: number;
  lastFinishedAt?: number;
  lastError?: string;
  recent: FinishedFlush[];
  setManager(state: BackgroundSyncState): void;
  receive(message: SyncMessage, now?: number): void;
}

/** Flushes remembered for the sync rate. */
export const RATE_WINDOW_MS = 5 * 60_000;

/** The tab's background-sync view, shared by every component. */
export const useBackgroundSyncView = create<BackgroundSyncView>((set, get) => ({
  flushing: false,
  total: 0,
  done: 0,
  recent: [],
  setManager: (manager) => set({ manager }),
  receive(message, now = Date.now()) {
    if (message.type === 'flush-started') {
      set({ flushing: true, total: message.pending, done: 0, startedAt: now });
    } else if (message.type === 'flush-progress') {
      set({ done: message.applied + message.duplicates + message.rejected });
    } else if (message.type === 'flush-finished') {
      const recent = [...get().recent, { at: now, applied: message.applied }].filter(
        (f) => now - f.at <= RATE_WINDOW_MS,
      );
      set({
        flushing: false,
        pending: message.pending,
        lastFinishedAt: now,
        lastError: message.status === 'done' ? undefined : message.reason,
        recent,
      });
    }
  },
}));

/** Ops synced per minute over the last five minutes. */
export function syncRatePerMinute(recent: readonly FinishedFlush[], now = Date.now()): number {
  const applied = recent
    .filter((f) => now - f.at <= RATE_WINDOW_MS)
    .reduce((a, f) => a + f.applied, 0);
  return applied / (RATE_WINDOW_MS / 60_000);
}

/** Estimated time left of the running flush (ms), from its pace so far. */
export function etaMs(
  view: Pick<BackgroundSyncView, 'total' | 'done' | 'startedAt'>,
  now = Date.now(),
) {
  if (!view.startedAt || view.done <= 0 || view.total <= view.done) return undefined;
  return ((now - view.startedAt) / view.done) * (view.total - view.done);
}
