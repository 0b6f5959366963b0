import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/health — liveness plus a database round trip (F40). */
export function GET(request: Request) {
  return apiHandlers.health(request);
}
