'use client';

import { scoreLine, StatusTag } from './match-score-line';
import { Scoreboard } from './scoreboard';
import { CourtHeader, TournamentLoading } from './tournament-courts';
import { groupByCourt, useTournamentMatches } from './use-tournament-matches';
import { useOnline } from './use-online';

/**
 * The spectators' board of a whole tournament (F20): every court with the match on it now
 * (live score, serving team) and what comes next. Read only, kept current by the live stream.
 */
export function TournamentLiveBoard({ tournamentId }: { tournamentId: string }) {
  const { tournament, matches, load } = useTournamentMatches(tournamentId);
  const online = useOnline();
  if (!tournament) return <TournamentLoading load={load} />;
  const courts = groupByCourt(matches);
  return (
    <main className="screen live-board" data-testid="tournament-live-board">
      <header className="screen-header">
        <h1>{tournament.name}: live</h1>
        <p className="live-banner" data-testid="live-connection">
          {online ? 'Live: updates as points are scored' : 'Offline: showing the last known scores'}
        </p>
      </header>
      {courts.map((court, index) => {
        const now = court.live[0];
        const upcoming = now ? court.next : court.next.slice(1);
        const shown = now ?? court.next[0];
        return (
          <section
            key={court.court}
            className="court-board"
            aria-labelledby={`board-court-${index}`}
            data-testid={`board-court-${index}`}
          >
            <CourtHeader
              tournamentId={tournamentId}
              court={court.court}
              headingId={`board-court-${index}`}
            />
            {shown ? (
              <div data-testid={`board-match-${shown.id}`} data-rallies={shown.state.rallies}>
                <p className="match-teams">
                  <StatusTag status={shown.status} /> {shown.teamA} vs {shown.teamB}
                </p>
                {shown.status === 'live' ? (
                  <Scoreboard state={shown.state} teamA={shown.teamA} teamB={shown.teamB} compact />
                ) : (
                  <p className="match-meta">Starts {scoreLine(shown)}</p>
                )}
              </div>
            ) : (
              <p className="match-meta">No more matches on this court.</p>
            )}
            {upcoming.length > 0 && (
              <p className="match-meta">
                Next:{' '}
                {upcoming.map((m) => `${m.teamA} vs ${m.teamB} (${scoreLine(m)})`).join(' · ')}
              </p>
            )}
            {court.finished.length > 0 && (
              <ul className="results" aria-label={`Results on ${court.court}`}>
                {court.finished.map((m) => (
                  <li key={m.id}>
                    <StatusTag status="finished" /> {m.teamA} vs {m.teamB}: {scoreLine(m)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </main>
  );
}
