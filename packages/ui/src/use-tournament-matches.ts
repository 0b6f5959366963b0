'use client';

import { useEffect, useMemo, useState } from 'react';
import {
  connectLiveFeed,
  loadMatch,
  observeSavedTournaments,
  observeTournamentMatches,
  openCourtSyncDb,
  refreshTournaments,
  type LocalMatch,
  type SavedTournaments,
} from '@courtsync/client';
import type { MatchView, TournamentView } from '@courtsync/protocol';
import type { MatchState } from '@courtsync/scoring';
import { useObservable } from './use-observable';

/** A match as the boards show it: listing details with the freshest state this device has. */
export interface BoardMatch {
  id: string;
  teamA: string;
  teamB: string;
  court: string;
  format: MatchView['format'];
  scheduledAt: string;
  status: MatchView['status'];
  state: MatchState;
}

/** One court: its live match first, then what is next, then what is over. */
export interface CourtMatches {
  court: string;
  live: BoardMatch[];
  next: BoardMatch[];
  finished: BoardMatch[];
}

/** The status a state shows (a listing's status can be older than the device's log). */
function statusOf(state: MatchState, listed: MatchView['status']): MatchView['status'] {
  if (state.winner) return 'finished';
  if (state.rallies > 0 || (state.actions ?? 0) > 0) return 'live';
  return listed;
}

/** Groups matches by court (courts by name), each court live → next (by time) → finished. */
export function groupByCourt(matches: readonly BoardMatch[]): CourtMatches[] {
  const courts = new Map<string, CourtMatches>();
  const byTime = [...matches].sort((x, y) => x.scheduledAt.localeCompare(y.scheduledAt));
  for (const m of byTime) {
    let court = courts.get(m.court);
    if (!court) courts.set(m.court, (court = { court: m.court, live: [], next: [], finished: [] }));
    if (m.status === 'live') court.live.push(m);
    else if (m.status === 'scheduled') court.next.push(m);
    else court.finished.push(m);
  }
  return [...courts.values()].sort((x, y) => x.court.localeCompare(y.court));
}

/** What a tournament screen needs: the tournament, its matches and whether it is known. */
export interface TournamentMatches {
  tournament: TournamentView | undefined;
  matches: BoardMatch[];
  /** 'loading' until the saved list is read; 'missing' when the tournament is not known. */
  load: 'loading' | 'ready' | 'missing';
}

/**
 * A tournament's matches kept current: the saved listing (refreshed on open), the matches
 * still to be decided put on the device with their logs, then the live stream (one per
 * browser, shared by tabs) pokes a pull of each when its score moves (F20, F42).
 */
export function useTournamentMatches(
  tournamentId: string,
  courtFilter?: string,
): TournamentMatches {
  const [db] = useState(() => openCourtSyncDb());
  const [refreshed, setRefreshed] = useState(false);
  const saved = useObservable<SavedTournaments>(() => observeSavedTournaments(db), [db]);
  const local = useObservable<LocalMatch[]>(
    () => observeTournamentMatches(db, tournamentId),
    [db, tournamentId],
  );
  const tournament = saved?.tournaments.find((t) => t.id === tournamentId);
  const wanted = useMemo(
    () =>
      (tournament?.matches ?? [])
        .filter((m) => courtFilter === undefined || m.court === courtFilter)
        .filter((m) => m.status !== 'finished')
        .map((m) => m.id)
        .join(','),
    [tournament, courtFilter],
  );

  useEffect(() => {
    let cancelled = false;
    refreshTournaments(db)
      .catch(() => undefined)
      .finally(() => !cancelled && setRefreshed(true));
    return () => {
      cancelled = true;
    };
  }, [db]);

  useEffect(() => {
    if (!wanted) return;
    for (const id of wanted.split(',')) void loadMatch(db, id).catch(() => undefined);
  }, [db, wanted]);

  useEffect(() => connectLiveFeed({ db, tournamentId }), [db, tournamentId]);

  const matches = useMemo(() => {
    const byId = new Map((local ?? []).map((m) => [m.id, m]));
    return (tournament?.matches ?? [])
      .filter((m) => courtFilter === undefined || m.court === courtFilter)
      .map((m): BoardMatch => {
        const state = byId.get(m.id)?.state ?? m.state;
        const { id, teamA, teamB, court, format, scheduledAt } = m;
        return {
          id,
          teamA,
          teamB,
          court,
          format,
          scheduledAt,
          state,
          status: statusOf(state, m.status),
        };
      });
  }, [tournament, local, courtFilter]);

  const load = tournament ? 'ready' : saved && refreshed ? 'missing' : 'loading';
  return { tournament, matches, load };
}
