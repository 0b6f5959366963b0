import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/tournaments — every tournament with its matches. */
export function GET(request: Request) {
  return apiHandlers.listTournaments(request);
}
