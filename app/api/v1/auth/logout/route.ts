import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/auth/logout — ends the session. */
export function POST(request: Request) {
  return apiHandlers.logout(request);
}
