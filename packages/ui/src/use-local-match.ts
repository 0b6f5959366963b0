'use client';

import { useEffect, useState } from 'react';
import { loadMatch, observeMatch, type CourtSyncDb, type LocalMatch } from '@courtsync/client';
import { useObservable } from './use-observable';

/** How far loading a match has got: reading, on the device, or neither local nor reachable. */
export type MatchLoadState = 'loading' | 'ready' | 'missing';

/**
 * A match as the device shows it (live from IndexedDB), loaded from the server on open
 * (view + pull from its cursor) and falling back to the local copy offline.
 */
export function useLocalMatch(
  db: CourtSyncDb,
  matchId: string,
): { match: LocalMatch | undefined; load: MatchLoadState } {
  const [load, setLoad] = useState<MatchLoadState>('loading');
  const match = useObservable<LocalMatch | undefined>(
    () => observeMatch(db, matchId),
    [db, matchId],
  );
  useEffect(() => {
    let cancelled = false;
    loadMatch(db, matchId)
      .then((m) => !cancelled && setLoad(m ? 'ready' : 'missing'))
      .catch(() => !cancelled && setLoad('missing'));
    return () => {
      cancelled = true;
    };
  }, [db, matchId]);
  return { match, load };
}
