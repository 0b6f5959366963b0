'use client';

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { TapSession, type CourtSyncDb, type TapView } from '@courtsync/client';

/**
 * The scorekeeper screen's match through a TapSession: taps show in the frame they are made,
 * their IndexedDB writes follow in tap order (see TapSession).
 */
export function useTapSession(
  db: CourtSyncDb,
  matchId: string,
): { session: TapSession; view: TapView } {
  // Nothing runs until start(): building one per render key is free of side effects.
  const session = useMemo(() => new TapSession(db, matchId), [db, matchId]);
  useEffect(() => session.start(), [session]);
  const view = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.view,
    () => session.view,
  );
  return { session, view };
}
