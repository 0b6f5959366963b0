'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { observeSessionUser, openCourtSyncDb, signOut, syncSessionUser } from '@courtsync/client';
import type { SessionUser } from '@courtsync/protocol';
import { useObservable } from './use-observable';

/**
 * The header's "who is signed in" (F21): name and role with Sign out, or a Sign in link. It
 * shows the user remembered on the device at once (offline too) and checks with the server.
 */
export function SessionBadge() {
  const [db] = useState(() => openCourtSyncDb());
  const user = useObservable<SessionUser | undefined>(() => observeSessionUser(db), [db]);
  const router = useRouter();
  useEffect(() => {
    if (navigator.onLine) void syncSessionUser(db, (input, init) => fetch(input, init));
  }, [db]);

  if (!user) {
    return (
      // Plain links in the header: next/link's code would join every screen's first load (8a).
      <a href="/login" className="session-badge" data-testid="sign-in-link">
        Sign in
      </a>
    );
  }
  return (
    <span className="session-badge" data-testid="signed-in-as" data-role={user.role}>
      {user.name} · {user.role}
      {user.role === 'admin' && (
        <a href="/admin" className="nav-link" data-testid="admin-link">
          Admin
        </a>
      )}
      <button
        type="button"
        className="nav-button"
        data-testid="sign-out"
        onClick={() =>
          void signOut(db, (input, init) => fetch(input, init)).then(() => router.push('/'))
        }
      >
        Sign out
      </button>
    </span>
  );
}
