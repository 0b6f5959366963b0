'use client';

import { lazy, Suspense, useEffect, useState } from 'react';
import {
  connectLiveFeed,
  observeLastSync,
  observeSyncBlock,
  openCourtSyncDb,
  type OpInput,
  type SyncBlock,
} from '@courtsync/client';
import { ClaimBar } from './claim-bar';
import { DuePrompts } from './due-prompts';
import { notifyError } from './notices';
import { courtOrder, Scoreboard } from './scoreboard';
import { ScoreControls } from './score-controls';
import { SyncBadge } from './sync-badge';
import { useMatchLoad } from './use-local-match';
import { useTapSession } from './use-tap-session';
import { useObservable } from './use-observable';
import { useOnline } from './use-online';
import { usePageSync } from './use-page-sync';
import { useQueueStats } from './use-queue-stats';
import { useScoreMovedNotices } from './use-score-moved-notices';
import { connectSyncStatus } from './sync-status-store';
import { ScreenPlaceholder } from './screen-placeholder';

// Loaded on first use: the sheet is rare courtside, and the screen's first load stays small.
const MatchActionsSheet = lazy(() =>
  import('./match-actions-sheet').then((m) => ({ default: m.MatchActionsSheet })),
);

// Opened from the failed count only (rare): loaded then, not with the screen.
const FailedOpsSheet = lazy(() =>
  import('./failed-ops-sheet').then((m) => ({ default: m.FailedOpsSheet })),
);

// Shown only while the server refuses this device's pushes (401/403): loaded then.
const SyncBlockBanner = lazy(() =>
  import('./sync-block-banner').then((m) => ({ default: m.SyncBlockBanner })),
);

/**
 * The courtside screen (360×640, one hand): the score with the teams where they stand and the
 * serving team marked, prompts that must not be missed, one tap per rally, one tap undo, and
 * timeouts, sanctions and substitutions one level down.
 */
export function ScorekeeperScreen({ matchId }: { matchId: string }) {
  const [db] = useState(() => openCourtSyncDb());
  const [recorded, setRecorded] = useState(0);
  const [showFailed, setShowFailed] = useState(false);
  const [showActions, setShowActions] = useState(false);
  // The server's copy is fetched by useMatchLoad; what the screen shows comes from the tap
  // session: IndexedDB plus the taps made since, shown before their write finishes.
  const load = useMatchLoad(db, matchId);
  const { session, view } = useTapSession(db, matchId);
  const { match } = view;
  const block = useObservable<SyncBlock | undefined>(() => observeSyncBlock(db), [db]);
  const stats = useQueueStats(db);
  const online = useOnline();
  // When a flush (here or in the worker) last left nothing pending; kept across reloads.
  const lastSync = useObservable<number | undefined>(() => observeLastSync(db), [db]);
  const sync = usePageSync(db);
  const tournamentId = match?.tournamentId;
  useScoreMovedNotices(matchId);

  useEffect(() => connectSyncStatus(), []);

  // Other devices' points arrive as pokes of the live stream (one per browser, shared).
  useEffect(() => {
    if (!tournamentId) return;
    return connectLiveFeed({ db, tournamentId });
  }, [db, tournamentId]);

  const refuse = (error: unknown, fallback: string) => {
    notifyError(error instanceof Error ? error.message : fallback);
    return false;
  };
  // On screen now (or refused with the rule's message); counted once stored, then synced.
  const submit = (input: OpInput): Promise<boolean> => {
    let durable: Promise<unknown>;
    try {
      durable = session.tap(input);
    } catch (error) {
      return Promise.resolve(refuse(error, 'Could not record that action'));
    }
    return durable.then(
      () => {
        setRecorded((n) => n + 1);
        void sync.requestSync();
        return true;
      },
      (error: unknown) =>
        refuse(
          new Error(
            `Not saved on this phone, taken off the score: ${
              error instanceof Error ? error.message : String(error)
            }`,
          ),
          'Could not save that action',
        ),
    );
  };

  if (!match) {
    const text = load === 'missing' ? 'This match is not available offline yet.' : 'Loading match…';
    return <ScreenPlaceholder testId="match-loading" text={text} />;
  }

  return (
    <main
      className="screen scorekeeper"
      data-testid="scorekeeper"
      data-rallies={match.state.rallies}
      data-recorded={recorded}
      data-writing={view.writing}
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
        <Suspense fallback={null}>
          <SyncBlockBanner
            code={block.code}
            message={block.message}
            pending={stats.pending}
            onRetry={() => sync.resume()}
          />
        </Suspense>
      )}
      {showFailed && (
        <Suspense fallback={null}>
          <FailedOpsSheet
            db={db}
            teamA={match.teamA}
            teamB={match.teamB}
            onChanged={() => sync.resume()}
            onClose={() => setShowFailed(false)}
          />
        </Suspense>
      )}
      <div className="score-area">
        <Scoreboard state={match.state} teamA={match.teamA} teamB={match.teamB} />
        <DuePrompts state={match.state} teamA={match.teamA} teamB={match.teamB} />
      </div>
      <ScoreControls
        teamA={match.teamA}
        teamB={match.teamB}
        finished={Boolean(match.state.winner)}
        canUndo={(match.state.actions ?? match.state.rallies) > 0}
        order={courtOrder(match.state)}
        serving={match.state.serving}
        onPoint={(winner) => void submit({ matchId, type: 'rally', payload: { winner } })}
        onUndo={() => void submit({ matchId, type: 'undo' })}
        onMore={() => setShowActions(true)}
      />
      {showActions && (
        <Suspense fallback={null}>
          <MatchActionsSheet
            matchId={matchId}
            state={match.state}
            teamA={match.teamA}
            teamB={match.teamB}
            onAction={submit}
            onClose={() => setShowActions(false)}
          />
        </Suspense>
      )}
      {/* Plain links: next/link would add its router code to this screen's first load (8a). */}
      <nav className="match-links" aria-label="This match">
        <a href={`/matches/${matchId}/scoresheet`} data-testid="scoresheet-link">
          Scoresheet
        </a>
        <a href={`/matches/${matchId}/live`}>Live board</a>
        {tournamentId && <a href={`/tournaments/${tournamentId}`}>All matches</a>}
      </nav>
    </main>
  );
}
