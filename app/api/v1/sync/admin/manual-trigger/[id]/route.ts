import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sync/admin/manual-trigger/:id — admin: status and progress of a manual sync. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return apiHandlers.manualTriggerStatus(request, id);
}
