import {
  claimRequestSchema,
  handoverRequestSchema,
  type ClaimList,
  type ClaimStatus,
} from '@courtsync/protocol';
import {
  activeClaim,
  claimMatch,
  handoverClaim,
  listClaims,
  matchInEvent,
  releaseClaim,
} from '../services/claims/claims';
import type { HandlerDeps } from './handler-deps';
import { parseEntityId } from './handler-deps';
import { emptyBodySchema, parseBody, parseOptionalBody } from './parse-body';
import { emptyResponse, errorResponse, HttpError, jsonResponse } from './responses';
import { withRoute, type RouteContext } from './with-route';

/** Handlers of /api/v1/events/:eventId/claims[/:matchId[/handover]] (F4). */
export interface ClaimHandlers {
  /** GET …/claims: the claims in force in an event. */
  listClaims(request: Request, eventId: string): Promise<Response>;
  /** GET …/claims/:matchId: the match's claim or null. */
  getClaim(request: Request, eventId: string, matchId: string): Promise<Response>;
  /** POST …/claims/:matchId {expiresAt?}: claim (201) or renew (200); 409 if someone holds it. */
  claimMatch(request: Request, eventId: string, matchId: string): Promise<Response>;
  /** DELETE …/claims/:matchId: release (holder or admin). */
  releaseClaim(request: Request, eventId: string, matchId: string): Promise<Response>;
  /** POST …/claims/:matchId/handover {userId, expiresAt?} (admin). */
  handoverClaim(request: Request, eventId: string, matchId: string): Promise<Response>;
}

function signedInUser(ctx: RouteContext) {
  // The route policy lets only signed-in roles in; this guards a policy edit gone wrong.
  if (ctx.principal.kind !== 'user') throw new HttpError(401, 'AUTH_REQUIRED', 'Sign in');
  return ctx.principal.user;
}

/** Builds the claim handlers. */
export function createClaimHandlers(deps: HandlerDeps): ClaimHandlers {
  const { getDb } = deps;
  return {
    listClaims: (request, eventId) =>
      withRoute(request, 'listClaims', deps, async () => {
        const event = parseEntityId(eventId, 'event');
        const body: ClaimList = { claims: await listClaims(await getDb(), event) };
        return jsonResponse(200, body);
      }),

    getClaim: (request, eventId, matchId) =>
      withRoute(request, 'getClaim', deps, async () => {
        const event = parseEntityId(eventId, 'event');
        const match = parseEntityId(matchId);
        const db = await getDb();
        if (!(await matchInEvent(db, event, match))) {
          return errorResponse(404, 'NOT_FOUND', `No match "${match}" in event "${event}"`);
        }
        const claim = await activeClaim(db, match);
        const body: ClaimStatus = { claim };
        return jsonResponse(200, body);
      }),

    claimMatch: (request, eventId, matchId) =>
      withRoute(request, 'claimMatch', deps, async (ctx) => {
        const event = parseEntityId(eventId, 'event');
        const match = parseEntityId(matchId);
        const { expiresAt } = await parseOptionalBody(request, claimRequestSchema);
        const db = await getDb();
        const done = await claimMatch(db, event, match, signedInUser(ctx), expiresAt);
        const body: ClaimStatus = { claim: done.claim };
        return jsonResponse(done.created ? 201 : 200, body);
      }),

    releaseClaim: (request, eventId, matchId) =>
      withRoute(request, 'releaseClaim', deps, async (ctx) => {
        const event = parseEntityId(eventId, 'event');
        const match = parseEntityId(matchId);
        await parseOptionalBody(request, emptyBodySchema);
        await releaseClaim(await getDb(), event, match, signedInUser(ctx));
        return emptyResponse(204);
      }),

    handoverClaim: (request, eventId, matchId) =>
      withRoute(request, 'handoverClaim', deps, async () => {
        const event = parseEntityId(eventId, 'event');
        const match = parseEntityId(matchId);
        const { userId, expiresAt } = await parseBody(request, handoverRequestSchema);
        const claim = await handoverClaim(await getDb(), event, match, userId, expiresAt);
        const body: ClaimStatus = { claim };
        return jsonResponse(200, body);
      }),
  };
}
