import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/pull — the change feed after `cursor` (one match, tournament or all). */
export function GET(request: Request) {
  return apiHandlers.pull(request);
}
