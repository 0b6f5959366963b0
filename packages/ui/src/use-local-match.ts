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
  const match = useObservable<LocalMatch | undefined>(
    () => observeMatch(db, matchId),
    [db, matchId],
  );
  return { match, load: useMatchLoad(db, matchId) };
}

/**
 * Loads a match from the server on open (view + pull from its cursor) into IndexedDB; says
 * whether it is on the device ('ready'), neither local nor reachable ('missing'), or loading.
 */
export function useMatchLoad(db: CourtSyncDb, matchId: string): MatchLoadState {
  const [load, setLoad] = useState<MatchLoadState>('loading');
  useEffect(() => {
    let cancelled = false;
    loadMatch(db, matchId)
      .then((m) => !cancelled && setLoad(m ? 'ready' : 'missing'))
      .catch(() => !cancelled && setLoad('missing'));
    return () => {
      cancelled = true;
    };
  }, [db, matchId]);
  return load;
}
