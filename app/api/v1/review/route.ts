import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/review — ops refused for want of a claim (admin). */
export function GET(request: Request) {
  return apiHandlers.listReview(request);
}
