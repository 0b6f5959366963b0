import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/metrics — Prometheus text exposition (F34). */
export function GET(request: Request) {
  return apiHandlers.metrics(request);
}
