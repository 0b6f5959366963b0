import { loginRequestSchema, type SessionResponse } from '@courtsync/protocol';
import { z } from 'zod/mini';
import { issueAccessToken } from '../services/auth/access-token';
import {
  revokeSession,
  rotateRefresh,
  sessionOfRefresh,
  signIn,
  type SignedIn,
} from '../services/auth/sessions';
import { signingKey } from '../services/auth/signing-key';
import { clearedCookies, readRefreshCookie, sessionCookies } from './cookies';
import type { HandlerDeps } from './handler-deps';
import { parseBody, parseOptionalBody } from './parse-body';
import { emptyResponse, errorResponse, jsonResponse } from './responses';
import { withRoute } from './with-route';

/** Handlers of /api/v1/auth/* (F21). */
export interface AuthHandlers {
  /** POST /api/v1/auth/login {email, password}: a session (access token + refresh cookie). */
  login(request: Request): Promise<Response>;
  /** POST /api/v1/auth/refresh: rotates the refresh token; a reused one revokes the session. */
  refresh(request: Request): Promise<Response>;
  /** POST /api/v1/auth/logout: ends the session, clears the cookies. */
  logout(request: Request): Promise<Response>;
  /** GET /api/v1/auth/session: who is signed in (null when nobody). */
  session(request: Request): Promise<Response>;
}

/** Refresh and logout read the cookie; API clients may send the token in the body instead. */
const refreshBodySchema = z.strictObject({
  refreshToken: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

/** Builds the sign-in handlers. */
export function createAuthHandlers(deps: HandlerDeps): AuthHandlers {
  const { getDb, auth } = deps;

  const sessionAnswer = async (request: Request, signedIn: SignedIn): Promise<Response> => {
    const key = await signingKey(await getDb(), auth.secret);
    const access = await issueAccessToken(
      key,
      { userId: signedIn.user.id, role: signedIn.user.role, sessionId: signedIn.sessionId },
      auth.accessTtlSec,
    );
    const body: SessionResponse = {
      user: signedIn.user,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshTokenExpiresAt: signedIn.refresh.expiresAt.toISOString(),
    };
    const response = jsonResponse(200, body);
    for (const c of sessionCookies(
      request,
      access.token,
      signedIn.refresh.token,
      auth.refreshTtlSec,
    )) {
      response.headers.append('set-cookie', c);
    }
    return response;
  };

  const withCleared = (request: Request, response: Response): Response => {
    for (const c of clearedCookies(request)) response.headers.append('set-cookie', c);
    return response;
  };

  return {
    login: (request) =>
      withRoute(request, 'login', deps, async (ctx) => {
        const { email, password } = await parseBody(request, loginRequestSchema);
        const signedIn = await signIn(await getDb(), email, password, auth.refreshTtlSec);
        if (!signedIn) {
          return errorResponse(401, 'INVALID_CREDENTIALS', 'Wrong e-mail or password');
        }
        ctx.fields.user = signedIn.user.id;
        return sessionAnswer(request, signedIn);
      }),

    refresh: (request) =>
      withRoute(request, 'refresh', deps, async (ctx) => {
        const body = await parseOptionalBody(request, refreshBodySchema);
        const token = body.refreshToken ?? readRefreshCookie(request);
        if (!token) return errorResponse(401, 'AUTH_REQUIRED', 'No refresh token: sign in');
        const rotated = await rotateRefresh(await getDb(), token, auth.refreshTtlSec);
        if (!rotated.ok) {
          ctx.fields.refreshFailure = rotated.failure;
          const message =
            rotated.failure === 'expired'
              ? 'Your sign-in has expired: sign in again'
              : rotated.failure === 'reused'
                ? 'This refresh token was used before; the session is closed: sign in again'
                : 'This sign-in is not valid: sign in again';
          const code = rotated.failure === 'expired' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID';
          return withCleared(request, errorResponse(401, code, message));
        }
        return sessionAnswer(request, rotated.signedIn);
      }),

    logout: (request) =>
      withRoute(request, 'logout', deps, async (ctx) => {
        const body = await parseOptionalBody(request, refreshBodySchema);
        const token = body.refreshToken ?? readRefreshCookie(request);
        const db = await getDb();
        const sessionId =
          ctx.principal.kind === 'user'
            ? ctx.principal.sessionId
            : token
              ? await sessionOfRefresh(db, token)
              : undefined;
        if (sessionId) await revokeSession(db, sessionId, 'logout');
        return withCleared(request, emptyResponse(204));
      }),

    session: (request) =>
      withRoute(request, 'session', deps, async (ctx) =>
        jsonResponse(200, { user: ctx.principal.kind === 'user' ? ctx.principal.user : null }),
      ),
  };
}
