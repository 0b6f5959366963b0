'use client';

import { scoreLine, StatusTag } from './match-score-line';
import { Scoreboard } from './scoreboard';
import { groupByCourt, useTournamentMatches } from './use-tournament-matches';
import { useOnline } from './use-online';
import { ScreenPlaceholder } from './screen-placeholder';

/**
 * The spectators' board of one court (F20), for a screen beside it: the match on court in
 * large digits with the serving team, then the next matches. Read only, live.
 */
export function CourtLiveBoard({ tournamentId, court }: { tournamentId: string; court: string }) {
  const { tournament, matches, load } = useTournamentMatches(tournamentId, court);
  const online = useOnline();
  const [onCourt] = groupByCourt(matches);
  if (!tournament || !onCourt) {
    const text = load === 'loading' ? 'Loading court…' : 'This court is not available.';
    return <ScreenPlaceholder testId="tournament-loading" text={text} />;
  }
  const shown = onCourt.live[0] ?? onCourt.next[0] ?? onCourt.finished[onCourt.finished.length - 1];
  const upcoming = onCourt.next.filter((m) => m !== shown);
  return (
    <main className="screen live-board" data-testid="court-live-board">
      <header className="screen-header">
        <h1>{court}</h1>
        <p className="match-meta">{tournament.name}</p>
      </header>
      {shown && (
        <section
          aria-label="On court"
          data-testid={`board-match-${shown.id}`}
          data-rallies={shown.state.rallies}
        >
          <p className="match-teams">
            <StatusTag status={shown.status} /> {shown.teamA} vs {shown.teamB}
          </p>
          <Scoreboard state={shown.state} teamA={shown.teamA} teamB={shown.teamB} />
        </section>
      )}
      {upcoming.length > 0 && (
        <section aria-labelledby="next-up">
          <h2 id="next-up">Next up</h2>
          <ul className="results">
            {upcoming.map((m) => (
              <li key={m.id}>
                {m.teamA} vs {m.teamB} · {scoreLine(m)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="live-banner" data-testid="live-connection">
        {online ? 'Live: updates as points are scored' : 'Offline: showing the last known score'}
      </p>
    </main>
  );
}
