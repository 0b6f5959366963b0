import { listTournaments } from '../services/tournaments';
import type { HandlerDeps } from './handler-deps';
import { jsonResponse } from './responses';
import { withRoute } from './with-route';

/** Handlers of /api/v1/tournaments. */
export interface TournamentHandlers {
  /** GET /api/v1/tournaments — every tournament with its matches. */
  listTournaments(request: Request): Promise<Response>;
}

/** Builds the tournament handlers. */
export function createTournamentHandlers(deps: HandlerDeps): TournamentHandlers {
  const { getDb } = deps;
  return {
    listTournaments: (request) =>
      withRoute(request, 'listTournaments', deps, async () =>
        jsonResponse(200, await listTournaments(await getDb())),
      ),
  };
}
