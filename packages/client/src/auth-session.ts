import { DEVICE_API, currentSessionSchema, type SessionUser } from '@courtsync/protocol';
import { liveQuery, type Observable } from 'dexie';
import type { CourtSyncDb } from './courtsync-db';

/** Who signed in on this device last (kept so the header shows it offline too). */
const KEY = 'sessionUser';
/** One renewal at a time per origin: a refresh token used twice ends the whole session. */
const RENEW_LOCK = 'courtsync-auth-renew';

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

function locks(): LockManagerLike | undefined {
  return (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
}

/** The user this device believes is signed in (undefined: nobody, or signed out). */
export async function readSessionUser(db: CourtSyncDb): Promise<SessionUser | undefined> {
  return (await db.meta.get(KEY))?.value as SessionUser | undefined;
}

/** Live view of the signed-in user, for the header. */
export function observeSessionUser(db: CourtSyncDb): Observable<SessionUser | undefined> {
  return liveQuery(() => readSessionUser(db));
}

/** Remembers who is signed in on this device (undefined: nobody). */
export async function rememberUser(db: CourtSyncDb, user: SessionUser | undefined): Promise<void> {
  if (user) await db.meta.put({ key: KEY, value: user });
  else if (await db.meta.get(KEY)) await db.meta.delete(KEY);
}

/** Signs out: the server ends the session and clears the cookies; queued ops stay queued. */
export async function signOut(db: CourtSyncDb, fetchFn: typeof fetch): Promise<void> {
  await fetchFn(DEVICE_API.logout, { method: 'POST', credentials: 'same-origin' }).catch(
    () => undefined,
  );
  await rememberUser(db, undefined);
}

/** Who the server says is signed in; undefined for nobody, null when it cannot be reached. */
async function currentUser(fetchFn: typeof fetch): Promise<SessionUser | undefined | null> {
  try {
    const response = await fetchFn(DEVICE_API.session, {
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (!response.ok) return null;
    const parsed = currentSessionSchema.safeParse(await response.json());
    return parsed.success ? (parsed.data.user ?? undefined) : null;
  } catch {
    return null;
  }
}

/**
 * After a 401: gets a fresh access token with the refresh cookie, once per origin at a time.
 * Under the lock it first asks who is signed in: if another tab or the worker renewed the
 * session meanwhile, the cookie is fresh already and the refresh token is not spent twice.
 * True when the session works again.
 */
export async function renewSession(fetchFn: typeof fetch): Promise<boolean> {
  const renew = async () => {
    if (await currentUser(fetchFn)) return true;
    try {
      const response = await fetchFn(DEVICE_API.refresh, {
        method: 'POST',
        credentials: 'same-origin',
      });
      return response.ok;
    } catch {
      return false;
    }
  };
  const manager = locks();
  return manager ? manager.request(RENEW_LOCK, renew) : renew();
}

/**
 * Brings the remembered user in line with the server (on app start, when online): a lapsed
 * access token is renewed; a session that is over is forgotten. Offline, nothing changes.
 */
export async function syncSessionUser(
  db: CourtSyncDb,
  fetchFn: typeof fetch,
): Promise<SessionUser | undefined> {
  let user = await currentUser(fetchFn);
  if (user === null) return readSessionUser(db);
  if (!user && (await readSessionUser(db)) && (await renewSession(fetchFn))) {
    user = (await currentUser(fetchFn)) ?? undefined;
  }
  await rememberUser(db, user ?? undefined);
  return user ?? undefined;
}
