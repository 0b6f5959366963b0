import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/sync/push — a batch of ops, applied exactly once (F10). */
export function POST(request: Request) {
  return apiHandlers.push(request);
}
