import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/monitoring/errors?job&type&severity&resolved — admin: the error log (F33). */
export function GET(request: Request) {
  return apiHandlers.listSyncErrors(request);
}
