import { DEVICE_API, sessionResponseSchema, type SessionUser } from '@courtsync/protocol';
import { rememberUser } from './auth-session';
import type { CourtSyncDb } from './courtsync-db';
import { clearSyncBlock } from './sync-block';

// Apart from auth-session.ts, which the header of every page loads: only the sign-in form needs
// this and its messages.

/** Why a sign-in failed, for the form. */
export type SignInResult = { ok: true; user: SessionUser } | { ok: false; message: string };

/**
 * Signs in (the server sets the httpOnly cookies the pages and the service worker send),
 * remembers who, and lifts a "sign in again" pause: the caller then flushes the queue.
 */
export async function signIn(
  db: CourtSyncDb,
  fetchFn: typeof fetch,
  email: string,
  password: string,
): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetchFn(DEVICE_API.login, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, message: 'No connection: sign in when you are back online' };
  }
  if (response.status === 429) {
    const wait = response.headers.get('retry-after') ?? 'a few';
    return { ok: false, message: `Too many attempts: try again in ${wait} seconds` };
  }
  if (!response.ok) return { ok: false, message: 'Wrong e-mail or password' };
  const parsed = sessionResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return { ok: false, message: 'Unexpected answer from the server' };
  await rememberUser(db, parsed.data.user);
  await clearSyncBlock(db);
  return { ok: true, user: parsed.data.user };
}
