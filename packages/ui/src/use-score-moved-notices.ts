'use client';

import { useEffect } from 'react';
import { subscribeSyncMessages } from '@courtsync/client';
import { notifyInfo } from './notices';

/**
 * Tells the user when an undo took back an earlier action of this match (on any device):
 * the points after it were replayed, so the score they saw may have changed (F42).
 */
export function useScoreMovedNotices(matchId: string): void {
  useEffect(
    () =>
      subscribeSyncMessages((message) => {
        if (message.type !== 'score-moved' || message.matchId !== matchId) return;
        const byOther = message.undos.some((u) => !u.byThisDevice);
        notifyInfo(
          byOther
            ? 'Another device undid an earlier point: the score after it was recomputed.'
            : 'Your undo took back an earlier point: the score after it was recomputed.',
        );
      }),
    [matchId],
  );
}
