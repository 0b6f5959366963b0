import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/connectivity-test — 204 for the client's reachability probe (F13). */
export function GET(request: Request) {
  return apiHandlers.connectivityTest(request);
}

/** HEAD variant of the probe (no body to download). */
export function HEAD(request: Request) {
  return apiHandlers.connectivityTest(request);
}
