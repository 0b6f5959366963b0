'use client';

import { SyncProgressIndicator } from './sync-progress-indicator';
import { useBackgroundSyncManager, useSyncIndicatorData } from './use-background-sync';

/**
 * The nav bar's sync dot (F15 minimal) with the pending count; it links to the /sync page and
 * starts the tab's background sync (priorities, settings, interval, battery) on every page.
 */
// A plain link, not next/link: its router code would join every screen's first load (bench
// 8a), and nothing is prefetched — on one bar of signal the bytes go to the score.
export function NavSyncIndicator() {
  useBackgroundSyncManager();
  const data = useSyncIndicatorData();
  return (
    <a
      href="/sync"
      className="nav-sync"
      data-testid="nav-sync"
      aria-label="Sync queue and settings"
    >
      <SyncProgressIndicator variant="minimal" {...data} />
      {data.pending > 0 && (
        <span className="nav-sync-count" data-testid="nav-sync-pending">
          {data.pending}
        </span>
      )}
    </a>
  );
}
