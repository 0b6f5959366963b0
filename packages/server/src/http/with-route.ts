import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role } from '@courtsync/protocol';
import { identify, type Identity, type Principal } from '../services/auth/identify';
import type { RateDecision } from '../services/rate-limit/token-bucket';
import { clientAddress } from './client-address';
import { ACCESS_COOKIE, readCookie } from './cookies';
import type { HandlerDeps } from './handler-deps';
import { errorResponse, HttpError } from './responses';
import { ROUTE_POLICIES, type RouteName } from './route-policy';
import { withRequest, type RequestContext } from './with-request';

/** A handler body's context: the request's, plus who is calling. */
export interface RouteContext extends RequestContext {
  principal: Principal;
}

/** The access token of a request: `Authorization: Bearer …`, else the httpOnly cookie. */
export function accessTokenOf(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  if (header) {
    // A malformed header is kept as the "token": it then fails verification (401), rather
    // than being read as no token at all.
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? header;
  }
  return readCookie(request, ACCESS_COOKIE) || undefined;
}

/** Equal strings in constant time (hashing first makes the lengths equal). */
function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function refuse(identity: Identity): HttpError {
  if (identity.kind === 'bad' && identity.problem === 'expired') {
    return new HttpError(401, 'TOKEN_EXPIRED', 'Your sign-in has expired: sign in again');
  }
  if (identity.kind === 'bad') {
    return new HttpError(401, 'TOKEN_INVALID', 'This sign-in is not valid: sign in again');
  }
  return new HttpError(401, 'AUTH_REQUIRED', 'Sign in to do this');
}

/** Applies the X-RateLimit-* headers (and Retry-After on a refusal) to a response. */
function rateHeaders(response: Response, decision: RateDecision): Response {
  response.headers.set('x-ratelimit-limit', String(decision.limit));
  response.headers.set('x-ratelimit-remaining', String(decision.remaining));
  response.headers.set('x-ratelimit-reset', String(decision.resetSec));
  if (decision.retryAfterSec !== undefined) {
    response.headers.set('retry-after', String(decision.retryAfterSec));
  }
  return response;
}

/**
 * Runs a handler body behind its declaration in ROUTE_POLICIES: identifies the caller
 * (401 when a protected route gets no valid token), checks the role (403), takes a token
 * from the caller's bucket (429 with Retry-After), then runs `body`; every answer of a
 * limited route carries X-RateLimit-Limit/-Remaining/-Reset.
 */
export function withRoute(
  request: Request,
  route: RouteName,
  deps: HandlerDeps,
  body: (ctx: RouteContext) => Promise<Response>,
): Promise<Response> {
  const policy = ROUTE_POLICIES[route];
  return withRequest(request, route, deps.log, async (ctx) => {
    const token = accessTokenOf(request);
    const scraper =
      'scrapeToken' in policy &&
      token !== undefined &&
      deps.auth.metricsToken !== undefined &&
      sameSecret(token, deps.auth.metricsToken);
    if (scraper) {
      ctx.fields.user = 'metrics-token';
      return body({ ...ctx, principal: { kind: 'anonymous' } });
    }
    // No token, no database read: the health check must answer 503 itself when it is down.
    const identity: Identity = token
      ? await identify(await deps.getDb(), token, deps.auth.secret)
      : { kind: 'none' };
    let principal: Principal = { kind: 'anonymous' };
    if (identity.kind === 'user') {
      principal = identity;
    } else if (policy.access !== 'public') {
      const openDoor =
        'anonymousWhenOpen' in policy && deps.auth.mode === 'open' && identity.kind === 'none';
      if (!openDoor) throw refuse(identity);
    }
    if (principal.kind === 'user' && policy.access !== 'public') {
      const roles: readonly Role[] = policy.access;
      if (!roles.includes(principal.user.role)) {
        throw new HttpError(403, 'FORBIDDEN', `A ${principal.user.role} may not do this`);
      }
    }
    ctx.fields.user = principal.kind === 'user' ? principal.user.id : undefined;

    let decision: RateDecision | undefined;
    if (policy.rate !== 'none' && deps.limiter) {
      const who =
        principal.kind === 'user' ? `u:${principal.user.id}` : `ip:${clientAddress(request)}`;
      decision = await deps.limiter.take(`${policy.rate}:${who}`, deps.rateLimits[policy.rate]);
      if (!decision.allowed) {
        ctx.fields.rateLimited = policy.rate;
        const message = `Too many requests; try again in ${decision.retryAfterSec} s`;
        return rateHeaders(errorResponse(429, 'RATE_LIMITED', message), decision);
      }
    }
    let response: Response;
    try {
      response = await body({ ...ctx, principal });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      ctx.fields.error = error.message;
      response = errorResponse(error.status, error.code, error.message, error.details);
    }
    return decision ? rateHeaders(response, decision) : response;
  });
}
