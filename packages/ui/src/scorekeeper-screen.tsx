'use client';

import { useEffect, useState } from 'react';
import {
  installFallbackFlush,
  loadMatch,
  observeMatch,
  openCourtSyncDb,
  record,
  requestSync,
  type LocalMatch,
  type OpInput,
} from '@courtsync/client';
import { notifyError } from './notices';
import { Scoreboard } from './scoreboard';
import { ScoreControls } from './score-controls';
import { SyncBadge } from './sync-badge';
import { useObservable } from './use-observable';
import { useOnline } from './use-online';
import { useQueueStats } from './use-queue-stats';
import { connectSyncStatus, useSyncStatus } from './sync-status-store';

type LoadState = 'loading' | 'ready' | 'missing';

/** The courtside screen: score, big buttons, undo, and what is still waiting to sync. */
export function ScorekeeperScreen({ matchId }: { matchId: string }) {
  const [db] = useState(() => openCourtSyncDb());
  const [load, setLoad] = useState<LoadState>('loading');
  const match = useObservable<LocalMatch | undefined>(
    () => observeMatch(db, matchId),
    [db, matchId],
  );
  const stats = useQueueStats(db);
  const online = useOnline();
  const lastSync = useSyncStatus((s) => s.lastFinishedAt);

  useEffect(() => {
    let cancelled = false;
    loadMatch(db, matchId)
      .then((m) => !cancelled && setLoad(m ? 'ready' : 'missing'))
      .catch(() => !cancelled && setLoad('missing'));
    const disconnect = connectSyncStatus();
    const stopFallback = installFallbackFlush(db);
    // Ops left from an earlier visit: make sure a flush is scheduled.
    void requestSync(db).catch(() => undefined);
    return () => {
      cancelled = true;
      disconnect();
      stopFallback();
    };
  }, [db, matchId]);

  const submit = (input: OpInput) =>
    record(db, input)
      .then(() => requestSync(db))
      .catch((error: unknown) => {
        notifyError(error instanceof Error ? error.message : 'Could not record that action');
      });

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
    >
      <header className="screen-header">
        <h1>
          {match.teamA} <span className="vs">vs</span> {match.teamB}
        </h1>
        <p className="match-meta">
          {match.format === 'beach' ? 'Beach' : 'Indoor'} · {match.court}
        </p>
        <SyncBadge pending={stats.pending} failed={stats.failed} online={online} />
        {lastSync && (
          <p className="last-sync" data-testid="last-sync">
            Last sync {new Date(lastSync).toLocaleTimeString()}
          </p>
        )}
      </header>
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
