'use client';

import {
  discardFailedOp,
  observeFailedOps,
  observeHeldCount,
  retryFailedOp,
  type CourtSyncDb,
  type OutboxEntry,
} from '@courtsync/client';
import { FailedOpsPanel } from './failed-ops-panel';
import { notifyError } from './notices';
import { useObservable } from './use-observable';

/** Props of the scorekeeper's failed list. */
export interface FailedOpsSheetProps {
  db: CourtSyncDb;
  teamA?: string;
  teamB?: string;
  /** After a retry or a discard: the page's sync goes again (the match's order may free up). */
  onChanged(): void;
  onClose(): void;
}

/**
 * The failed list as the scorekeeper screen opens it: it follows the failed ops and the ops
 * held behind them itself, so the screen (which shows only the failed count, from its queue
 * stats) neither reads them on every write nor ships this code before the list is opened.
 */
export function FailedOpsSheet({ db, teamA, teamB, onChanged, onClose }: FailedOpsSheetProps) {
  const failed = useObservable<OutboxEntry[]>(() => observeFailedOps(db), [db]) ?? [];
  const held = useObservable<number>(() => observeHeldCount(db), [db]) ?? 0;
  const retry = (opId: string) =>
    void retryFailedOp(db, opId)
      .then(onChanged)
      .catch(() => notifyError('Could not put that action back in the queue'));
  const discard = (opId: string) =>
    void discardFailedOp(db, opId)
      .then(onChanged)
      .catch(() => notifyError('Could not discard that action'));
  return (
    <FailedOpsPanel
      failed={failed}
      held={held}
      teamA={teamA}
      teamB={teamB}
      onRetry={retry}
      onDiscard={discard}
      onClose={onClose}
    />
  );
}
