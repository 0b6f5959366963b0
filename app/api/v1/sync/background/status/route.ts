import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/background/status?clientId= — a device's background sync (F23). */
export function GET(request: Request) {
  return apiHandlers.backgroundStatus(request);
}
