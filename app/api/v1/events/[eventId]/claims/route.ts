import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ eventId: string }> };

/** GET /api/v1/events/:eventId/claims — claims in force (F4). */
export async function GET(request: Request, ctx: Ctx) {
  const { eventId } = await ctx.params;
  return apiHandlers.listClaims(request, eventId);
}
