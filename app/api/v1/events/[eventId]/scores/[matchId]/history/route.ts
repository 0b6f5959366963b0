import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/events/:eventId/scores/:matchId/history?limit&offset — a page of its log (F41). */
export async function GET(
  request: Request,
  ctx: { params: Promise<{ eventId: string; matchId: string }> },
) {
  const { eventId, matchId } = await ctx.params;
  return apiHandlers.getScoreHistory(request, eventId, matchId);
}
