import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/monitoring/alerts — admin: unresolved alerts (F35). */
export function GET(request: Request) {
  return apiHandlers.listAlerts(request);
}
