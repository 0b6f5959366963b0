'use client';

import type { SessionUser } from '@courtsync/protocol';
import { useEffect, useState } from 'react';
import { LoginForm } from '../login-form';
import { adminApi, type AdminApiError } from './admin-api';

/** This page, to come back to after signing in (the sign-in reloads it, and its data). */
function here(): string {
  return typeof window === 'undefined'
    ? '/admin/sync'
    : `${window.location.pathname}${window.location.search}`;
}

/** Why a 401 asks to sign in, in the user's words. */
function signedOutReason(code: string | undefined): string {
  if (code === 'TOKEN_EXPIRED') return 'Your sign-in has expired.';
  if (code === 'TOKEN_INVALID') return 'Your sign-in is no longer valid.';
  return 'You are not signed in.';
}

/**
 * What the admin pages show when the admin APIs refuse the caller: 401 (nobody signed in, or
 * the sign-in is over) or 403 (signed in without the admin role, F21). Both offer the app's
 * sign-in form (e-mail and password, POST /api/v1/auth/login); signing in reloads the page.
 */
export function AdminSignIn({ refusal }: { refusal: AdminApiError }) {
  const forbidden = refusal.status === 403;
  // undefined: not asked (yet); null: the server names nobody.
  const [user, setUser] = useState<SessionUser | null>();
  useEffect(() => {
    if (!forbidden) return;
    let cancelled = false;
    adminApi.session().then(
      (s) => !cancelled && setUser(s.user),
      () => !cancelled && setUser(null),
    );
    return () => {
      cancelled = true;
    };
  }, [forbidden]);

  return (
    <section
      className="admin-sign-in"
      aria-label="Admin sign-in"
      data-testid="admin-sign-in"
      data-status={refusal.status}
    >
      <h2>Admin sign-in</h2>
      {forbidden ? (
        <p role="alert" data-testid="admin-forbidden">
          {user ? (
            <>
              You are signed in as <strong>{user.name}</strong> ({user.email}, {user.role}).{' '}
            </>
          ) : (
            'You are signed in, but not as an admin. '
          )}
          The admin role is required: sign in with an admin account to continue.
        </p>
      ) : (
        <p data-testid="admin-signed-out">
          {signedOutReason(refusal.code)} Sign in with an admin account to continue.
        </p>
      )}
      <LoginForm next={here()} />
    </section>
  );
}
