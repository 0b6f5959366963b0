import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/users — every user (admin). */
export function GET(request: Request) {
  return apiHandlers.listUsers(request);
}

/** POST /api/v1/users — a new user (admin). */
export function POST(request: Request) {
  return apiHandlers.createUser(request);
}
