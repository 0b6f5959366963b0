import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/monitoring/health-overview — admin: status per job, active alerts (F36). */
export function GET(request: Request) {
  return apiHandlers.healthOverview(request);
}
