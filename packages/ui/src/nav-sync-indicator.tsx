'use client';

import { SyncIndicatorDot } from './sync-indicator-dot';
import { useBackgroundSyncManager, useSyncIndicatorData } from './use-background-sync';

/**
 * The nav bar's sync dot (F15 minimal) with the pending count; it links to the /sync page and,
 * on every page, starts the tab's background sync (priorities, settings, interval, battery)
 * as soon as the outbox holds something.
 */
// A plain link, not next/link: its router code would join every screen's first load (bench
// 8a), and nothing is prefetched — on one bar of signal the bytes go to the score.
export function NavSyncIndicator() {
  const data = useSyncIndicatorData();
  // Started once there is work; kept for the tab's life after that.
  useBackgroundSyncManager(data.pending + data.failed > 0);
  return (
    <a
      href="/sync"
      className="nav-sync"
      data-testid="nav-sync"
      aria-label="Sync queue and settings"
    >
      <SyncIndicatorDot {...data} />
      {data.pending > 0 && (
        <span className="nav-sync-count" data-testid="nav-sync-pending">
          {data.pending}
        </span>
      )}
    </a>
  );
}
