import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** PUT /api/v1/sync/admin/alert-rules/:id — admin: edit a rule (F35). */
export async function PUT(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return apiHandlers.updateAlertRule(request, id);
}
