import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/admin/alert-rules — admin (F35). */
export function GET(request: Request) {
  return apiHandlers.listAlertRules(request);
}
