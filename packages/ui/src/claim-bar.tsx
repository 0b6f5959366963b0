'use client';

import { useCallback, useEffect, useState } from 'react';
import {
  claimMatch,
  fetchClaim,
  observeSessionUser,
  type ClaimLookup,
  type CourtSyncDb,
} from '@courtsync/client';
import type { SessionUser } from '@courtsync/protocol';
import { notifyError } from './notices';
import { useObservable } from './use-observable';

/**
 * Who scores this match (F4): the claim's holder, or — on a free match — a one-tap "Claim
 * this match" for a signed-in scorekeeper or admin. Signed out: a link to sign in.
 */
export function ClaimBar({
  db,
  eventId,
  matchId,
}: {
  db: CourtSyncDb;
  eventId: string;
  matchId: string;
}) {
  const user = useObservable<SessionUser | undefined>(() => observeSessionUser(db), [db]);
  const [lookup, setLookup] = useState<ClaimLookup>({ kind: 'offline' });
  const [busy, setBusy] = useState(false);
  const fetchFn: typeof fetch = useCallback((input, init) => fetch(input, init), []);

  const reload = useCallback(
    () => void fetchClaim(eventId, matchId, fetchFn).then(setLookup),
    [eventId, matchId, fetchFn],
  );
  useEffect(() => {
    reload();
    const timer = setInterval(reload, 30_000);
    return () => clearInterval(timer);
  }, [reload, user?.id]);

  const claim = async () => {
    setBusy(true);
    const result = await claimMatch(eventId, matchId, fetchFn);
    setBusy(false);
    if (!result.ok) notifyError(result.message);
    reload();
  };

  if (!user) {
    return (
      <p className="claim-bar" data-testid="claim-bar" data-state="signed-out">
        {/* A plain link: next/link's code would join the scorekeeper's first load (bench 8a). */}
        <a href={`/login?next=${encodeURIComponent(`/matches/${matchId}`)}`}>Sign in</a> to score
        this match.
      </p>
    );
  }
  if (lookup.kind !== 'known') return null;
  const { claim: held } = lookup;
  const mayScore = user.role === 'scorekeeper' || user.role === 'admin';
  if (!held) {
    return (
      <p className="claim-bar" data-testid="claim-bar" data-state="free">
        Nobody is scoring this match.{' '}
        {mayScore && (
          <button
            type="button"
            className="plain-button"
            data-testid="claim-match"
            disabled={busy}
            onClick={() => void claim()}
          >
            Claim this match
          </button>
        )}
      </p>
    );
  }
  const mine = held.userId === user.id;
  const until = new Date(held.expiresAt).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <p
      className={mine ? 'claim-bar mine' : 'claim-bar taken'}
      data-testid="claim-bar"
      data-state={mine ? 'mine' : 'taken'}
      data-holder={held.userId}
    >
      {mine ? 'You are scoring this match' : `${held.userName} is scoring this match`} (until{' '}
      {until})
    </p>
  );
}
