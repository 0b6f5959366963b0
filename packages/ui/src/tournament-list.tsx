'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import {
  observeSavedTournaments,
  openCourtSyncDb,
  plannedFirst,
  refreshTournaments,
  type SavedTournaments,
} from '@courtsync/client';
import type { MatchView } from '@courtsync/protocol';
import { CoverageToggle } from './coverage-toggle';
import { useCoverage } from './use-coverage';
import { useObservable } from './use-observable';
import { useOnline } from './use-online';

type Refresh = { kind: 'loading' } | { kind: 'done' } | { kind: 'failed'; message: string };

/**
 * Tournaments and their matches, each linking to its scorekeeper screen. Offline first: the
 * list saved on the device shows at once, and is replaced when the server answers.
 */
export function TournamentList() {
  const [db] = useState(() => openCourtSyncDb());
  const saved = useObservable<SavedTournaments>(() => observeSavedTournaments(db), [db]);
  const [refresh, setRefresh] = useState<Refresh>({ kind: 'loading' });
  const online = useOnline();
  // Coaches and media see the matches of their coverage plans first (F5).
  const { planned, canPlan } = useCoverage(db, saved?.tournaments.map((t) => t.id) ?? []);
  useEffect(() => {
    let cancelled = false;
    refreshTournaments(db).then(
      () => !cancelled && setRefresh({ kind: 'done' }),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (!cancelled) setRefresh({ kind: 'failed', message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db]);

  if (!saved || (saved.fetchedAt === undefined && refresh.kind === 'loading')) {
    return <p>Loading tournaments…</p>;
  }
  if (saved.fetchedAt === undefined && refresh.kind === 'failed') {
    return (
      <p role="alert" data-testid="tournaments-error">
        Could not load the tournaments ({refresh.message}). Connect once to keep them on this
        device.
      </p>
    );
  }
  if (saved.tournaments.length === 0) return <p>No tournaments yet.</p>;
  return (
    <div className="tournaments">
      {refresh.kind === 'failed' && saved.fetchedAt !== undefined && (
        <p className="saved-note" data-testid="saved-note">
          {online ? 'Could not refresh' : 'Offline'}: the list as of{' '}
          {new Date(saved.fetchedAt).toLocaleString()}
        </p>
      )}
      {saved.tournaments.map((t) => (
        <section key={t.id} className="tournament" data-testid={`tournament-${t.id}`}>
          <h2>
            <Link
              href={`/tournaments/${t.id}`}
              prefetch={false}
              data-testid={`open-tournament-${t.id}`}
            >
              {t.name}
            </Link>
          </h2>
          <p className="match-meta">
            {t.location} · {t.startsOn} – {t.endsOn}
          </p>
          <ul className="match-list">
            {plannedFirst(t.matches, planned).map((m) => (
              <MatchLink key={m.id} match={m} offline={saved.offlineMatchIds.has(m.id)}>
                {canPlan && (
                  <CoverageToggle
                    db={db}
                    eventId={t.id}
                    matchId={m.id}
                    planned={t.matches.filter((x) => planned.has(x.id)).map((x) => x.id)}
                  />
                )}
              </MatchLink>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** One match of the list; `offline` when its scorekeeper screen opens without the network. */
function MatchLink({
  match: m,
  offline,
  children,
}: {
  match: MatchView;
  offline: boolean;
  children?: React.ReactNode;
}) {
  const current = m.state.sets[m.state.sets.length - 1];
  return (
    <li>
      <Link href={`/matches/${m.id}`} data-testid={`match-link-${m.id}`}>
        <span className="match-teams">
          {m.teamA} vs {m.teamB}
        </span>
        <span className="match-meta">
          {m.format} · {m.court} · {m.status}
          {m.status !== 'scheduled' && current ? ` · ${current.a}-${current.b}` : ''}
          {offline && (
            <span className="on-device" data-testid={`on-device-${m.id}`}>
              {' '}
              · on this device
            </span>
          )}
        </span>
      </Link>
      <Link
        href={`/matches/${m.id}/live`}
        className="watch-live"
        data-testid={`watch-live-${m.id}`}
        aria-label={`Watch ${m.teamA} vs ${m.teamB} live`}
      >
        Watch live
      </Link>
      {children}
    </li>
  );
}
