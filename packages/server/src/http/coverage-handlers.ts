import { coveragePlanRequestSchema } from '@courtsync/protocol';
import {
  deleteCoveragePlan,
  getCoveragePlan,
  putCoveragePlan,
} from '../services/coverage/coverage-plans';
import type { HandlerDeps } from './handler-deps';
import { parseEntityId } from './handler-deps';
import { emptyBodySchema, parseBody, parseOptionalBody } from './parse-body';
import { emptyResponse, HttpError, jsonResponse } from './responses';
import { withRoute, type RouteContext } from './with-route';

/** Handlers of /api/v1/events/:eventId/coverage-plans (F5), for the signed-in user. */
export interface CoverageHandlers {
  /** GET: the user's plan (empty when none). */
  getCoveragePlan(request: Request, eventId: string): Promise<Response>;
  /** PUT {selectedMatches}: replaces it. */
  putCoveragePlan(request: Request, eventId: string): Promise<Response>;
  /** DELETE: drops it. */
  deleteCoveragePlan(request: Request, eventId: string): Promise<Response>;
}

function userId(ctx: RouteContext): string {
  if (ctx.principal.kind !== 'user') throw new HttpError(401, 'AUTH_REQUIRED', 'Sign in');
  return ctx.principal.user.id;
}

/** Builds the coverage-plan handlers. */
export function createCoverageHandlers(deps: HandlerDeps): CoverageHandlers {
  const { getDb } = deps;
  return {
    getCoveragePlan: (request, eventId) =>
      withRoute(request, 'getCoveragePlan', deps, async (ctx) => {
        const event = parseEntityId(eventId, 'event');
        return jsonResponse(200, await getCoveragePlan(await getDb(), userId(ctx), event));
      }),

    putCoveragePlan: (request, eventId) =>
      withRoute(request, 'putCoveragePlan', deps, async (ctx) => {
        const event = parseEntityId(eventId, 'event');
        const { selectedMatches } = await parseBody(request, coveragePlanRequestSchema);
        const plan = await putCoveragePlan(await getDb(), userId(ctx), event, selectedMatches);
        return jsonResponse(200, plan);
      }),

    deleteCoveragePlan: (request, eventId) =>
      withRoute(request, 'deleteCoveragePlan', deps, async (ctx) => {
        const event = parseEntityId(eventId, 'event');
        await parseOptionalBody(request, emptyBodySchema);
        await deleteCoveragePlan(await getDb(), userId(ctx), event);
        return emptyResponse(204);
      }),
  };
}
