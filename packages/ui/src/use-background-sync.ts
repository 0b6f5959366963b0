'use client';

import { useEffect, useState } from 'react';
import { observeLastSync, openCourtSyncDb, type BackgroundSyncManager } from '@courtsync/client';
import { etaMs, useBackgroundSyncView } from './background-sync-store';
import type { SyncIndicatorData } from './sync-indicator-status';
import { useOnline } from './use-online';
import { useObservable } from './use-observable';
import { useQueueStats } from './use-queue-stats';

/**
 * The tab's BackgroundSyncManager, loaded and started once per tab when `wanted` first holds
 * (undefined until then). The nav bar wants it only once there is something to sync: with an
 * empty outbox it has nothing to flush, hold back or report, and its code stays out of every
 * screen's first load (bench 8a). The /sync page wants it at once.
 */
export function useBackgroundSyncManager(wanted = true): BackgroundSyncManager | undefined {
  const [manager, setManager] = useState<BackgroundSyncManager>();
  useEffect(() => {
    if (!wanted) return;
    let active = true;
    void import('./background-sync-runtime')
      .then((runtime) => runtime.backgroundSync())
      .then((m) => active && setManager(m));
    return () => {
      active = false;
    };
  }, [wanted]);
  return manager;
}

/** Everything the indicator shows, live. */
export function useSyncIndicatorData(): SyncIndicatorData {
  const [db] = useState(() => openCourtSyncDb());
  const stats = useQueueStats(db);
  // Stored by whichever context flushed (page or worker): it survives reloads.
  const lastSync = useObservable<number | undefined>(() => observeLastSync(db), [db]);
  const view = useBackgroundSyncView();
  const online = useOnline();
  const m = view.manager;
  let heldBy: SyncIndicatorData['heldBy'];
  if (m?.serverState === 'paused') heldBy = 'paused';
  else if (m && !m.settings.enabled) heldBy = 'disabled';
  else if (m?.verdict.reason === 'low-battery' || m?.verdict.reason === 'not-charging')
    heldBy = m.verdict.reason;
  return {
    // Before the manager runs (nothing to sync yet), the browser's own flag.
    quality: m?.connectivity.quality ?? (online ? 'good' : 'offline'),
    pending: stats.pending,
    failed: stats.failed,
    flushing: view.flushing,
    done: view.done,
    total: view.total,
    etaMs: view.flushing ? etaMs(view) : undefined,
    lastSuccessAt: latest(m?.lastSuccessAt, lastSync),
    lastError: view.lastError ?? m?.lastError,
    heldBy,
  };
}

/** The later of two optional times. */
function latest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.max(a, b);
}
