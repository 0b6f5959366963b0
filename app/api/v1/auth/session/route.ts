import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/auth/session — who is signed in. */
export function GET(request: Request) {
  return apiHandlers.session(request);
}
