import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ eventId: string }> };

/** GET /api/v1/events/:eventId/scores?teamId&division — the event's match scores (F41). */
export async function GET(request: Request, ctx: Params) {
  return apiHandlers.listScores(request, (await ctx.params).eventId);
}

/** POST /api/v1/events/:eventId/scores — an official's set-by-set correction (F41). */
export async function POST(request: Request, ctx: Params) {
  return apiHandlers.postScoreCorrection(request, (await ctx.params).eventId);
}
