import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/admin/audit-log — admin: every manual trigger (F37). */
export function GET(request: Request) {
  return apiHandlers.auditLog(request);
}
