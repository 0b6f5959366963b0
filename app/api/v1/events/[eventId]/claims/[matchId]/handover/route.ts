import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ eventId: string; matchId: string }> };

/** POST …/claims/:matchId/handover {userId} — an admin hands the claim over. */
export async function POST(request: Request, ctx: Ctx) {
  const { eventId, matchId } = await ctx.params;
  return apiHandlers.handoverClaim(request, eventId, matchId);
}
