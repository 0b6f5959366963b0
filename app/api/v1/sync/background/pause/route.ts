import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/sync/background/pause — stops a device's automatic sync (F23). */
export function POST(request: Request) {
  return apiHandlers.backgroundPause(request);
}
