'use client';

import { useEffect } from 'react';
import {
  observePlannedMatchIds,
  observeSessionUser,
  refreshCoveragePlan,
  type CourtSyncDb,
} from '@courtsync/client';
import type { SessionUser } from '@courtsync/protocol';
import { useObservable } from './use-observable';

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The matches in the signed-in coach's or media user's coverage plans (F5), refreshed from
 * the server for `eventIds`; `canPlan` says whether this user keeps plans at all.
 */
export function useCoverage(
  db: CourtSyncDb,
  eventIds: readonly string[],
): { planned: ReadonlySet<string>; canPlan: boolean } {
  const user = useObservable<SessionUser | undefined>(() => observeSessionUser(db), [db]);
  const planned = useObservable<Set<string>>(() => observePlannedMatchIds(db), [db]) ?? EMPTY;
  const canPlan = user?.role === 'coach' || user?.role === 'media';
  const key = eventIds.join(',');
  useEffect(() => {
    if (!canPlan) return;
    for (const id of key.split(',').filter(Boolean)) {
      void refreshCoveragePlan(db, id, (input, init) => fetch(input, init));
    }
  }, [db, canPlan, key]);
  return { planned: canPlan ? planned : EMPTY, canPlan };
}
