import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** PUT /api/v1/sync/background/settings — a device's background-sync settings (F14, F23). */
export function PUT(request: Request) {
  return apiHandlers.backgroundSettings(request);
}
