import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/matches/:id/events — the match's applied event log. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandlers.getMatchEvents(request, (await ctx.params).id);
}
