import { listTournaments } from '../services/tournaments';
import type { HandlerDeps } from './handler-deps';
import { jsonResponse } from './responses';
import { withRequest } from './with-request';

/** Handlers of /api/v1/tournaments. */
export interface TournamentHandlers {
  /** GET /api/v1/tournaments — every tournament with its matches. */
  listTournaments(request: Request): Promise<Response>;
}

/** Builds the tournament handlers. */
export function createTournamentHandlers({ getDb, log }: HandlerDeps): TournamentHandlers {
  return {
    listTournaments: (request) =>
      withRequest(request, 'listTournaments', log, async () =>
        jsonResponse(200, await listTournaments(await getDb())),
      ),
  };
}
