import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/events/:eventId/scores/:matchId — one match's score (F41). */
export async function GET(
  request: Request,
  ctx: { params: Promise<{ eventId: string; matchId: string }> },
) {
  const { eventId, matchId } = await ctx.params;
  return apiHandlers.getScore(request, eventId, matchId);
}
