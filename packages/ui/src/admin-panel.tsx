'use client';

import { useCallback, useEffect, useState } from 'react';
import {
  API,
  apiErrorSchema,
  claimListSchema,
  reviewListSchema,
  tournamentListResponseSchema,
  userListSchema,
  type ClaimView,
  type ReviewOp,
  type UserView,
} from '@courtsync/protocol';
import { notifyError, notifyInfo } from './notices';

async function call(path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(body);
    throw new Error(error.success ? error.data.error.message : `HTTP ${response.status}`);
  }
  return body;
}

const post = (path: string, body?: unknown) =>
  call(path, {
    method: 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

interface Desk {
  claims: ClaimView[];
  review: ReviewOp[];
  scorers: UserView[];
}

/** Everything the desk shows, fetched at once. */
async function loadDesk(): Promise<Desk> {
  const events = tournamentListResponseSchema.parse(await call(API.tournaments)).tournaments;
  const lists = await Promise.all(events.map((t) => call(API.claims(t.id))));
  const review = reviewListSchema.parse(await call(`${API.review}?status=pending`)).ops;
  const users = userListSchema.parse(await call(API.users)).users;
  return {
    claims: lists.flatMap((l) => claimListSchema.parse(l).claims),
    review,
    scorers: users.filter((u) => !u.disabled && (u.role === 'scorekeeper' || u.role === 'admin')),
  };
}

/**
 * The admin's desk (F4): every claim in force with a handover to another scorekeeper, and
 * the review list of score ops refused for want of a claim, to accept into the match or dismiss.
 */
export function AdminPanel() {
  const [desk, setDesk] = useState<Desk>({ claims: [], review: [], scorers: [] });
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const load = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let cancelled = false;
    loadDesk().then(
      (d) => {
        if (cancelled) return;
        setDesk(d);
        setError(undefined);
      },
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [version]);
  const { claims, review, scorers } = desk;

  const act = (work: () => Promise<unknown>, done: string) =>
    void work().then(
      () => {
        notifyInfo(done);
        load();
      },
      (e: unknown) => notifyError(e instanceof Error ? e.message : String(e)),
    );

  if (error)
    return (
      <p role="alert" data-testid="admin-error">
        {error}
      </p>
    );
  return (
    <div className="admin-panel">
      <h2>Claims</h2>
      {claims.length === 0 && <p>No match is claimed.</p>}
      <ul className="admin-list" data-testid="claims-list">
        {claims.map((c) => (
          <li key={c.matchId} data-testid={`claim-${c.matchId}`}>
            <strong>{c.matchId}</strong>: {c.userName}
            <select
              aria-label={`Hand ${c.matchId} over to`}
              data-testid={`handover-${c.matchId}`}
              value=""
              onChange={(e) => {
                const userId = e.target.value;
                if (!userId) return;
                act(
                  () => post(API.handover(c.eventId, c.matchId), { userId }),
                  'Claim handed over',
                );
              }}
            >
              <option value="">Hand over to…</option>
              {scorers
                .filter((u) => u.id !== c.userId)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          </li>
        ))}
      </ul>
      <h2>Review list</h2>
      {review.length === 0 && <p data-testid="review-empty">Nothing to review.</p>}
      <ul className="admin-list" data-testid="review-list">
        {review.map((r) => (
          <li key={r.op.opId} data-testid="review-item" data-op={r.op.opId}>
            {r.op.matchId}:{' '}
            {r.op.type === 'rally' ? `point ${String(r.op.payload.winner)}` : 'undo'} by{' '}
            {r.userName ?? 'an anonymous device'} — {r.message}
            <button
              type="button"
              className="plain-button"
              data-testid="review-accept"
              onClick={() =>
                act(() => post(API.reviewAccept(r.op.opId)), 'Accepted into the match')
              }
            >
              Accept
            </button>
            <button
              type="button"
              className="plain-button"
              data-testid="review-dismiss"
              onClick={() => act(() => post(API.reviewDismiss(r.op.opId)), 'Dismissed')}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
