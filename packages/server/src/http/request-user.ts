import { identify } from '../services/auth/identify';
import type { HandlerDeps } from './handler-deps';
import { accessTokenOf } from './with-route';

/**
 * The signed-in user's id for a request, or null (anonymous, or a token that does not
 * verify): background-sync rows then carry the user's id, so settings follow the user to a
 * new phone. A bad token is not refused here: the device's own sync state stays reachable.
 */
export async function signedInUserId(
  request: Request,
  deps: Pick<HandlerDeps, 'getDb' | 'auth'>,
): Promise<string | null> {
  const token = accessTokenOf(request);
  if (!token) return null;
  const identity = await identify(await deps.getDb(), token, deps.auth.secret);
  return identity.kind === 'user' ? identity.user.id : null;
}
