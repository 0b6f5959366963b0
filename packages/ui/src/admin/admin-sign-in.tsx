'use client';

import { useState } from 'react';
import { saveAdminToken } from './admin-api';

/**
 * Temporary admin sign-in (until accounts and roles, issue #11): asks for the server's admin
 * token and keeps it in a cookie the admin APIs check.
 */
export function AdminSignIn({ refused, onSignedIn }: { refused: boolean; onSignedIn: () => void }) {
  const [token, setToken] = useState('');
  return (
    <form
      className="admin-sign-in"
      aria-label="Admin sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        saveAdminToken(token.trim());
        onSignedIn();
      }}
    >
      <h2>Admin sign-in</h2>
      {refused ? <p className="error-text">This account is not an admin.</p> : null}
      <label>
        Admin token
        <input
          type="password"
          autoComplete="current-password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
        />
      </label>
      <button type="submit">Sign in</button>
    </form>
  );
}
