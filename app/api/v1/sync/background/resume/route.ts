import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/sync/background/resume — lets a device's automatic sync run again (F23). */
export function POST(request: Request) {
  return apiHandlers.backgroundResume(request);
}
