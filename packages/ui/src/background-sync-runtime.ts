'use client';

import {
  BackgroundSyncManager,
  ConnectivityDetector,
  browserConnectivityEnv,
  openCourtSyncDb,
  readSettings,
  subscribeSyncMessages,
} from '@courtsync/client';
import { useBackgroundSyncView } from './background-sync-store';
import { notifyError, notifySuccess } from './notices';
import { SyncToasts } from './sync-toasts';

let started: Promise<BackgroundSyncManager> | undefined;

/**
 * The tab's BackgroundSyncManager, started on first use and kept for the tab's life. Loaded
 * lazily by the indicator so the manager is not part of any page's first load (bench 8a).
 */
export function backgroundSync(): Promise<BackgroundSyncManager> {
  started ??= start();
  return started;
}

async function start(): Promise<BackgroundSyncManager> {
  const db = openCourtSyncDb();
  const env = browserConnectivityEnv();
  const detector = new ConnectivityDetector(env);
  const manager = new BackgroundSyncManager(
    {
      db,
      fetch: env.fetch,
      detector,
      setTimeout: env.setTimeout,
      clearTimeout: env.clearTimeout,
      now: env.now,
    },
    await readSettings(db),
  );
  const view = useBackgroundSyncView.getState();
  const toasts = new SyncToasts();
  manager.subscribe((state) => {
    if (state.connectivity.quality === 'offline') toasts.wentAway();
    view.setManager(state);
  });
  subscribeSyncMessages((message) => {
    useBackgroundSyncView.getState().receive(message);
    const toast = toasts.onMessage(message);
    if (toast?.kind === 'success') notifySuccess(toast.message);
    if (toast?.kind === 'error') notifyError(toast.message);
  });
  await manager.start();
  view.setManager(manager.state);
  return manager;
}
