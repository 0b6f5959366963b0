'use client';

import { useEffect, useMemo, useRef } from 'react';
import { startPageSync, type CourtSyncDb, type PageSync, type SyncRoute } from '@courtsync/client';

/** What a screen asks of the page's sync. */
export interface PageSyncControls {
  /** After a write: Background Sync where there is one, else a flush from the page. */
  requestSync(): Promise<SyncRoute | undefined>;
  /** A user action ("Try again", retry from the failed list): leave pause, flush now. */
  resume(): void;
}

/**
 * The page's sync loop for as long as the component is mounted: retries with backoff after a
 * failure, takes over from a worker that gave up, pauses on 401/403 (F12).
 */
export function usePageSync(db: CourtSyncDb): PageSyncControls {
  const current = useRef<PageSync | undefined>(undefined);
  useEffect(() => {
    const started = startPageSync(db);
    current.current = started;
    return () => {
      started.stop();
      current.current = undefined;
    };
  }, [db]);
  return useMemo(
    () => ({
      requestSync: async () => current.current?.requestSync(),
      resume: () => current.current?.resume(),
    }),
    [],
  );
}
