'use client';

import Link from 'next/link';
import { scoreLine, StatusTag } from './match-score-line';
import { groupByCourt, useTournamentMatches, type BoardMatch } from './use-tournament-matches';
import { ScreenPlaceholder } from './screen-placeholder';

/** Link path of a court's live board. */
export function courtBoardPath(tournamentId: string, court: string): string {
  return `/tournaments/${encodeURIComponent(tournamentId)}/courts/${encodeURIComponent(court)}/live`;
}

/** What a tournament screen shows before its tournament is known (loading, or missing). */
export function TournamentLoading({ load }: { load: 'loading' | 'ready' | 'missing' }) {
  const text = load === 'missing' ? 'This tournament is not available.' : 'Loading tournament…';
  return <ScreenPlaceholder testId="tournament-loading" text={text} />;
}

/** A court's heading with the link to its live board (courts list and tournament board). */
export function CourtHeader(props: { tournamentId: string; court: string; headingId: string }) {
  return (
    <div className="court-header">
      <h2 id={props.headingId}>{props.court}</h2>
      <Link
        href={courtBoardPath(props.tournamentId, props.court)}
        className="pill-link"
        prefetch={false}
        aria-label={`Live board of ${props.court}`}
      >
        Court board
      </Link>
    </div>
  );
}

/**
 * A tournament's courts for the scorekeeper (F3 screens): per court the live match first,
 * then the next ones by time, finished ones folded away; each opens its scorekeeper screen.
 */
export function TournamentCourts({ tournamentId }: { tournamentId: string }) {
  const { tournament, matches, load } = useTournamentMatches(tournamentId);
  if (!tournament) return <TournamentLoading load={load} />;
  return (
    <main className="screen" data-testid="tournament-courts">
      <header className="screen-header">
        <h1>{tournament.name}</h1>
        <p className="match-meta">
          {tournament.location} · {tournament.startsOn} – {tournament.endsOn}
        </p>
        <Link
          href={`/tournaments/${encodeURIComponent(tournamentId)}/live`}
          className="pill-link"
          prefetch={false}
          data-testid="tournament-live-link"
        >
          Live board of all courts
        </Link>
      </header>
      {groupByCourt(matches).map((court, index) => (
        <section key={court.court} className="court" aria-labelledby={`court-${index}`}>
          <CourtHeader
            tournamentId={tournamentId}
            court={court.court}
            headingId={`court-${index}`}
          />
          <ul className="match-list">
            {[...court.live, ...court.next].map((m) => (
              <MatchItem key={m.id} match={m} />
            ))}
          </ul>
          {court.finished.length > 0 && (
            <details className="finished">
              <summary>Finished ({court.finished.length})</summary>
              <ul className="match-list">
                {court.finished.map((m) => (
                  <MatchItem key={m.id} match={m} />
                ))}
              </ul>
            </details>
          )}
        </section>
      ))}
    </main>
  );
}

function MatchItem({ match: m }: { match: BoardMatch }) {
  return (
    <li data-testid={`court-match-${m.id}`} data-status={m.status}>
      <Link href={`/matches/${m.id}`} prefetch={false} data-testid={`open-match-${m.id}`}>
        <span className="match-teams">
          <StatusTag status={m.status} /> {m.teamA} vs {m.teamB}
        </span>
        <span className="match-meta">
          {m.format} · {scoreLine(m)}
        </span>
      </Link>
    </li>
  );
}
