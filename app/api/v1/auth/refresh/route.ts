import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/auth/refresh — rotates the refresh token. */
export function POST(request: Request) {
  return apiHandlers.refresh(request);
}
