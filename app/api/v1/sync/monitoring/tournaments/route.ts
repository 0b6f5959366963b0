import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/monitoring/tournaments — admin: latest sync result per tournament (F32). */
export function GET(request: Request) {
  return apiHandlers.tournamentSync(request);
}
