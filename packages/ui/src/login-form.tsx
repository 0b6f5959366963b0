'use client';

import { useState, type FormEvent } from 'react';
import { openCourtSyncDb, registerBackgroundSync, signIn } from '@courtsync/client';

/** Where to go after signing in: a path of this app only (never another site). */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * The sign-in form (F21). Signing in lifts a "sign in again" pause: the queue is then sent by
 * the worker (Background Sync) and by the page it returns to.
 */
export function LoginForm({ next }: { next?: string }) {
  const [db] = useState(() => openCourtSyncDb());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    const result = await signIn(
      db,
      (input, init) => fetch(input, init),
      String(form.get('email') ?? ''),
      String(form.get('password') ?? ''),
    );
    if (!result.ok) {
      setBusy(false);
      setError(result.message);
      return;
    }
    await registerBackgroundSync();
    window.location.assign(safeNext(next));
  };

  return (
    <form className="login-form" onSubmit={(e) => void submit(e)} data-testid="login-form">
      <label>
        E-mail
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          data-testid="login-email"
        />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          data-testid="login-password"
        />
      </label>
      {error && (
        <p role="alert" className="form-error" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary-button" disabled={busy} data-testid="login-submit">
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
