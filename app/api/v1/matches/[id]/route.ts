import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** GET /api/v1/matches/:id — the server's state of a match and its event count. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandlers.getMatch(request, (await ctx.params).id);
}
