import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/background/metrics?clientId= — aggregates of a device's flushes (F24). */
export function GET(request: Request) {
  return apiHandlers.backgroundMetrics(request);
}

/** POST /api/v1/sync/background/metrics — a batch of flush reports from a device (F24). */
export function POST(request: Request) {
  return apiHandlers.backgroundReport(request);
}
