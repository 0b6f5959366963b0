import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/auth/login — sign in (F21). */
export function POST(request: Request) {
  return apiHandlers.login(request);
}
