'use client';

import Link from 'next/link';
import { SyncProgressIndicator } from './sync-progress-indicator';
import { useBackgroundSyncManager, useSyncIndicatorData } from './use-background-sync';

/**
 * The nav bar's sync dot (F15 minimal) with the pending count; it links to the /sync page and
 * starts the tab's background sync (priorities, settings, interval, battery) on every page.
 */
// Links of the header do not prefetch: on one bar of signal courtside the bytes go to the
// score, not to screens the scorekeeper may never open (the worker has them cached anyway).
export function NavSyncIndicator() {
  useBackgroundSyncManager();
  const data = useSyncIndicatorData();
  return (
    <Link
      href="/sync"
      prefetch={false}
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
    </Link>
  );
}
