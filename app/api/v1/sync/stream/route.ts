import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/stream — the change feed live, as Server-Sent Events (Last-Event-ID resumes). */
export function GET(request: Request) {
  return apiHandlers.stream(request);
}
