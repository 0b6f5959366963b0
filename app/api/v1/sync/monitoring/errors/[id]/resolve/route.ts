import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/sync/monitoring/errors/:id/resolve {notes} — admin (F33). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return apiHandlers.resolveSyncError(request, id);
}
