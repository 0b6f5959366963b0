'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { fetchTournaments } from '@courtsync/client';
import type { TournamentView } from '@courtsync/protocol';

type ListState =
  | { kind: 'loading' }
  | { kind: 'ready'; tournaments: TournamentView[] }
  | { kind: 'error'; message: string };

/** Tournaments and their matches, each linking to its scorekeeper screen. */
export function TournamentList() {
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  useEffect(() => {
    fetchTournaments()
      .then((tournaments) => setList({ kind: 'ready', tournaments }))
      .catch((error: unknown) =>
        setList({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
  }, []);

  if (list.kind === 'loading') return <p>Loading tournaments…</p>;
  if (list.kind === 'error') return <p role="alert">{list.message}</p>;
  if (list.tournaments.length === 0) return <p>No tournaments yet.</p>;
  return (
    <div className="tournaments">
      {list.tournaments.map((t) => (
        <section key={t.id} className="tournament" data-testid={`tournament-${t.id}`}>
          <h2>{t.name}</h2>
          <p className="match-meta">
            {t.location} · {t.startsOn} – {t.endsOn}
          </p>
          <ul className="match-list">
            {t.matches.map((m) => {
              const current = m.state.sets[m.state.sets.length - 1];
              return (
                <li key={m.id}>
                  <Link href={`/matches/${m.id}`} data-testid={`match-link-${m.id}`}>
                    <span className="match-teams">
                      {m.teamA} vs {m.teamB}
                    </span>
                    <span className="match-meta">
                      {m.format} · {m.court} · {m.status}
                      {m.status !== 'scheduled' && current ? ` · ${current.a}-${current.b}` : ''}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
