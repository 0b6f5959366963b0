'use client';

import { useEffect, useState } from 'react';
import { connectLiveFeed, openCourtSyncDb } from '@courtsync/client';
import { Scoreboard } from './scoreboard';
import { useLocalMatch } from './use-local-match';
import { useOnline } from './use-online';
import { ScreenPlaceholder } from './screen-placeholder';

/**
 * The spectators' view of one match (F20): the scoreboard without buttons, kept current by
 * the live stream (one connection per browser, shared by its tabs). Read only: it records
 * nothing, so it needs no claim and no sign-in.
 */
export function LiveBoard({ matchId }: { matchId: string }) {
  const [db] = useState(() => openCourtSyncDb());
  const { match, load } = useLocalMatch(db, matchId);
  const online = useOnline();
  const tournamentId = match?.tournamentId;

  useEffect(() => {
    if (!tournamentId) return;
    return connectLiveFeed({ db, tournamentId });
  }, [db, tournamentId]);

  if (!match) {
    const text = load === 'missing' ? 'This match is not available.' : 'Loading match…';
    return <ScreenPlaceholder testId="match-loading" text={text} />;
  }
  return (
    <main className="screen live-board" data-testid="live-board" data-rallies={match.state.rallies}>
      <header className="screen-header">
        <h1>
          {match.teamA} <span className="vs">vs</span> {match.teamB}
        </h1>
        <p className="match-meta">
          {match.format === 'beach' ? 'Beach' : 'Indoor'} · {match.court} · Live
        </p>
      </header>
      <Scoreboard state={match.state} teamA={match.teamA} teamB={match.teamB} />
      <p className="live-banner" data-testid="live-connection">
        {online ? 'Live: updates as points are scored' : 'Offline: showing the last known score'}
      </p>
    </main>
  );
}
