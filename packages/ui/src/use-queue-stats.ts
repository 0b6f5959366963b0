'use client';

import { useEffect, useState } from 'react';
import {
  observeQueueStats,
  readQueueStats,
  subscribeSyncMessages,
  type CourtSyncDb,
  type QueueStats,
} from '@courtsync/client';

/** Live pending/failed counts; also refreshed when another context reports a flush. */
export function useQueueStats(db: CourtSyncDb): QueueStats {
  const [stats, setStats] = useState<QueueStats>({ pending: 0, failed: 0 });
  useEffect(() => {
    const live = observeQueueStats(db).subscribe({ next: setStats });
    // liveQuery may miss writes made by the service worker in some browsers: re-read on its word.
    const stop = subscribeSyncMessages(() => void readQueueStats(db).then(setStats));
    return () => {
      live.unsubscribe();
      stop();
    };
  }, [db]);
  return stats;
}
