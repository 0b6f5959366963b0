'use client';

import { useEffect, useState } from 'react';
import {
  observeQueueStats,
  readQueueStats,
  subscribeSyncMessages,
  type CourtSyncDb,
  type QueueStats,
} from '@courtsync/client';

/** One live query per database for every component of the tab (nav dot, badge, /sync). */
interface SharedStats {
  stats: QueueStats;
  listeners: Set<(stats: QueueStats) => void>;
  stop?: () => void;
}

const shared = new WeakMap<CourtSyncDb, SharedStats>();

function subscribe(db: CourtSyncDb, listener: (stats: QueueStats) => void): () => void {
  let entry = shared.get(db);
  if (!entry) {
    entry = { stats: { pending: 0, failed: 0 }, listeners: new Set() };
    shared.set(db, entry);
  }
  const current = entry;
  current.listeners.add(listener);
  if (!current.stop) {
    const publish = (stats: QueueStats) => {
      current.stats = stats;
      current.listeners.forEach((l) => l(stats));
    };
    const live = observeQueueStats(db).subscribe({ next: publish });
    // liveQuery may miss writes made by the service worker in some browsers: re-read on its word.
    const stopMessages = subscribeSyncMessages(() => void readQueueStats(db).then(publish));
    current.stop = () => {
      live.unsubscribe();
      stopMessages();
    };
  } else {
    listener(current.stats);
  }
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      current.stop?.();
      current.stop = undefined;
    }
  };
}

/**
 * Live pending/failed counts; also refreshed when another context reports a flush. Every
 * component of the tab shares one query, so a tap costs the same reads however many show it.
 */
export function useQueueStats(db: CourtSyncDb): QueueStats {
  const [stats, setStats] = useState<QueueStats>(
    () => shared.get(db)?.stats ?? { pending: 0, failed: 0 },
  );
  useEffect(() => subscribe(db, setStats), [db]);
  return stats;
}
