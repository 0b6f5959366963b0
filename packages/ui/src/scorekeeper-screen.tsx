'use client';

import { useEffect, useState } from 'react';
import {
  connectLiveFeed,
  discardFailedOp,
  observeFailedOps,
  observeHeldCount,
  observeSyncBlock,
  openCourtSyncDb,
  record,
  retryFailedOp,
  type OpInput,
  type OutboxEntry,
  type SyncBlock,
} from '@courtsync/client';
import { ClaimBar } from './claim-bar';
import { FailedOpsPanel } from './failed-ops-panel';
import { notifyError } from './notices';
import { Scoreboard } from './scoreboard';
import { ScoreControls } from './score-controls';
import { SyncBadge } from './sync-badge';
import { SyncBlockBanner } from './sync-block-banner';
import { useLocalMatch } from './use-local-match';
import { useObservable } from './use-observable';
import { useOnline } from './use-online';
import { usePageSync } from './use-page-sync';
import { useQueueStats } from './use-queue-stats';
import { useScoreMovedNotices } from './use-score-moved-notices';
import { connectSyncStatus, useSyncStatus } from './sync-status-store';

/** The courtside screen: score, big buttons, undo, and what is still waiting to sync. */
export function ScorekeeperScreen({ matchId }: { matchId: string }) {
  const [db] = useState(() => openCourtSyncDb());
  const [recorded, setRecorded] = useState(0);
  const [showFailed, setShowFailed] = useState(false);
  const { match, load } = useLocalMatch(db, matchId);
  const failed = useObservable<OutboxEntry[]>(() => observeFailedOps(db), [db]) ?? [];
  const held = useObservable<number>(() => observeHeldCount(db), [db]) ?? 0;
  const block = useObservable<SyncBlock | undefined>(() => observeSyncBlock(db), [db]);
  const stats = useQueueStats(db);
  const online = useOnline();
  const lastSync = useSyncStatus((s) => s.lastFinishedAt);
  const sync = usePageSync(db);
  const tournamentId = match?.tournamentId;
  useScoreMovedNotices(matchId);

  useEffect(() => connectSyncStatus(), []);

  // Other devices' points arrive as pokes of the live stream (one per browser, shared).
  useEffect(() => {
    if (!tournamentId) return;
    return connectLiveFeed({ db, tournamentId });
  }, [db, tournamentId]);

  const submit = (input: OpInput) =>
    record(db, input)
      .then(() => {
        setRecorded((n) => n + 1);
        return sync.requestSync();
      })
      .catch((error: unknown) => {
        notifyError(error instanceof Error ? error.message : 'Could not record that action');
      });

  const retry = (opId: string) =>
    void retryFailedOp(db, opId)
      .then(() => sync.resume())
      .catch(() => notifyError('Could not put that action back in the queue'));
  const discard = (opId: string) =>
    void discardFailedOp(db, opId)
      .then(() => sync.resume())
      .catch(() => notifyError('Could not discard that action'));

  if (!match) {
    return (
      <main className="screen">
        <p data-testid="match-loading">
          {load === 'missing' ? 'This match is not available offline yet.' : 'Loading match…'}
        </p>
      </main>
    );
  }

  return (
    <main
      className="screen scorekeeper"
      data-testid="scorekeeper"
      data-rallies={match.state.rallies}
      data-recorded={recorded}
    >
      <header className="screen-header">
        <h1>
          {match.teamA} <span className="vs">vs</span> {match.teamB}
        </h1>
        <p className="match-meta">
          {match.format === 'beach' ? 'Beach' : 'Indoor'} · {match.court}
        </p>
        <SyncBadge
          pending={stats.pending}
          failed={stats.failed}
          online={online}
          onShowFailed={() => setShowFailed(true)}
        />
        {lastSync && (
          <p className="last-sync" data-testid="last-sync">
            Last sync {new Date(lastSync).toLocaleTimeString()}
          </p>
        )}
        <ClaimBar db={db} eventId={match.tournamentId} matchId={matchId} />
      </header>
      {block && (
        <SyncBlockBanner
          code={block.code}
          message={block.message}
          pending={stats.pending}
          onRetry={() => sync.resume()}
        />
      )}
      {showFailed && (
        <FailedOpsPanel
          failed={failed}
          held={held}
          teamA={match.teamA}
          teamB={match.teamB}
          onRetry={retry}
          onDiscard={discard}
          onClose={() => setShowFailed(false)}
        />
      )}
      <Scoreboard state={match.state} teamA={match.teamA} teamB={match.teamB} />
      <ScoreControls
        teamA={match.teamA}
        teamB={match.teamB}
        finished={Boolean(match.state.winner)}
        canUndo={match.state.rallies > 0}
        onPoint={(winner) => void submit({ matchId, type: 'rally', payload: { winner } })}
        onUndo={() => void submit({ matchId, type: 'undo' })}
      />
    </main>
  );
}
