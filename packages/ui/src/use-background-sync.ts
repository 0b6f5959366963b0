'use client';

import { useEffect, useState } from 'react';
import { observeLastSync, openCourtSyncDb, type BackgroundSyncManager } from '@courtsync/client';
import { etaMs, useBackgroundSyncView } from './background-sync-store';
import type { SyncIndicatorData } from './sync-progress-indicator';
import { useObservable } from './use-observable';
import { useQueueStats } from './use-queue-stats';

/**
 * The tab's BackgroundSyncManager, loaded after the first render (not part of a page's first
 * load) and started once per tab; undefined until then.
 */
export function useBackgroundSyncManager(): BackgroundSyncManager | undefined {
  const [manager, setManager] = useState<BackgroundSyncManager>();
  useEffect(() => {
    let active = true;
    void import('./background-sync-runtime')
      .then((runtime) => runtime.backgroundSync())
      .then((m) => active && setManager(m));
    return () => {
      active = false;
    };
  }, []);
  return manager;
}

/** Everything the indicator shows, live. */
export function useSyncIndicatorData(): SyncIndicatorData {
  const [db] = useState(() => openCourtSyncDb());
  const stats = useQueueStats(db);
  // Stored by whichever context flushed (page or worker): it survives reloads.
  const lastSync = useObservable<number | undefined>(() => observeLastSync(db), [db]);
  const view = useBackgroundSyncView();
  const m = view.manager;
  let heldBy: SyncIndicatorData['heldBy'];
  if (m?.serverState === 'paused') heldBy = 'paused';
  else if (m && !m.settings.enabled) heldBy = 'disabled';
  else if (m?.verdict.reason === 'low-battery' || m?.verdict.reason === 'not-charging')
    heldBy = m.verdict.reason;
  return {
    quality: m?.connectivity.quality ?? 'good',
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
