import { getMatchEvents, getMatchView } from '../services/match-views';
import type { HandlerDeps } from './handler-deps';
import { parseEntityId } from './handler-deps';
import { errorResponse, jsonResponse } from './responses';
import { withRoute } from './with-route';

/** Handlers of /api/v1/matches/:id and /api/v1/matches/:id/events. */
export interface MatchHandlers {
  /** GET /api/v1/matches/:id — the match's MatchView. */
  getMatch(request: Request, id: string): Promise<Response>;
  /** GET /api/v1/matches/:id/events — the match's applied event log. */
  getMatchEvents(request: Request, id: string): Promise<Response>;
}

/** Builds the match read handlers. */
export function createMatchHandlers(deps: HandlerDeps): MatchHandlers {
  const { getDb } = deps;
  return {
    getMatch: (request, id) =>
      withRoute(request, 'getMatch', deps, async () => {
        const matchId = parseEntityId(id);
        const view = await getMatchView(await getDb(), matchId);
        if (!view) return errorResponse(404, 'NOT_FOUND', `No match with id "${matchId}"`);
        return jsonResponse(200, view);
      }),

    getMatchEvents: (request, id) =>
      withRoute(request, 'getMatchEvents', deps, async () => {
        const matchId = parseEntityId(id);
        const events = await getMatchEvents(await getDb(), matchId);
        if (!events) return errorResponse(404, 'NOT_FOUND', `No match with id "${matchId}"`);
        return jsonResponse(200, events);
      }),
  };
}
