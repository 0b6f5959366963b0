import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/monitoring/performance-history?period=24h&entity=tournaments — admin (F36). */
export function GET(request: Request) {
  return apiHandlers.performanceHistory(request);
}
