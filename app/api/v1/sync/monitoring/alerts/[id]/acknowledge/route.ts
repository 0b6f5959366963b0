import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/sync/monitoring/alerts/:id/acknowledge — admin (F35). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return apiHandlers.acknowledgeAlert(request, id);
}
