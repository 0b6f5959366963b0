import { createHash, timingSafeEqual } from 'node:crypto';
import { identify } from '../services/auth/identify';
import type { HandlerDeps } from './handler-deps';
import { HttpError } from './responses';
import { accessTokenOf } from './with-route';

/** Who passed the admin check; `id` goes into audit rows ("who"). */
export interface AdminPrincipal {
  id: string;
}

/** Cookie the temporary admin sign-in sets (see `requireAdmin`). */
export const ADMIN_COOKIE = 'courtsync_admin';

function credentialOf(request: Request): string | null {
  const auth = request.headers.get('authorization');
  const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const cookies = request.headers.get('cookie') ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === ADMIN_COOKIE && value.length > 0) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** Equal strings in constant time (hashing first makes the lengths equal). */
function same(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/**
 * THE admin check of every admin API (F32–F37 monitoring and admin routes): resolves with the
 * admin, or throws HttpError 401 AUTH_REQUIRED (no credentials) / 403 FORBIDDEN (not admin).
 *
 * A signed-in user (F21 access token, cookie or Bearer) passes when their role is admin and
 * gets 403 otherwise. For scripts and monitoring tools without a user, the server's
 * `ADMIN_TOKEN` also admits, as `Authorization: Bearer <token>` or in the `courtsync_admin`
 * cookie (the dashboard's token box sets it); without `ADMIN_TOKEN` only admin users pass.
 */
export async function requireAdmin(
  request: Request,
  env: NodeJS.ProcessEnv = process.env,
  deps?: Pick<HandlerDeps, 'getDb' | 'auth'>,
): Promise<AdminPrincipal> {
  const session = accessTokenOf(request);
  if (deps && session) {
    const identity = await identify(await deps.getDb(), session, deps.auth.secret);
    if (identity.kind === 'user') {
      if (identity.user.role === 'admin') return { id: identity.user.email };
      throw new HttpError(403, 'FORBIDDEN', 'Admin role required');
    }
  }
  const credential = credentialOf(request);
  if (!credential) throw new HttpError(401, 'AUTH_REQUIRED', 'Sign in as an admin');
  const token = env.ADMIN_TOKEN;
  if (!token || !same(credential, token)) {
    throw new HttpError(403, 'FORBIDDEN', 'Admin role required');
  }
  return { id: 'admin' };
}
