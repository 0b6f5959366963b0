import type { SessionUser } from '@courtsync/protocol';
import type { Database } from '../../db/types';
import { verifyAccessToken, type TokenProblem } from './access-token';
import { activeSessionUser } from './sessions';
import { signingKey } from './signing-key';

/** Who is calling: a signed-in user, or nobody. */
export type Principal =
  { kind: 'user'; user: SessionUser; sessionId: string } | { kind: 'anonymous' };

/** The outcome of reading a request's access token. */
export type Identity =
  | { kind: 'user'; user: SessionUser; sessionId: string }
  | { kind: 'none' }
  | { kind: 'bad'; problem: TokenProblem | 'revoked' };

/**
 * Who an access token names: a valid signature and expiry, then a session still open and a
 * user still enabled (their current role, not the one in the token).
 */
export async function identify(
  db: Database,
  token: string | undefined,
  secret?: string,
): Promise<Identity> {
  if (!token) return { kind: 'none' };
  const verified = await verifyAccessToken(await signingKey(db, secret), token);
  if (!verified.ok) return { kind: 'bad', problem: verified.problem };
  const { sessionId, userId } = verified.claims;
  const user = await activeSessionUser(db, sessionId, userId);
  if (!user) return { kind: 'bad', problem: 'revoked' };
  return { kind: 'user', user, sessionId };
}
