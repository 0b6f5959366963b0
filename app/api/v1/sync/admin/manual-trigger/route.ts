import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/sync/admin/manual-trigger {entity_type, tournament_no?, priority, reason} (F37). */
export function POST(request: Request) {
  return apiHandlers.manualTrigger(request);
}
