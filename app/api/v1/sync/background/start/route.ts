import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/sync/background/start — a manual run ("Sync now") of a device (F23). */
export function POST(request: Request) {
  return apiHandlers.backgroundStart(request);
}
