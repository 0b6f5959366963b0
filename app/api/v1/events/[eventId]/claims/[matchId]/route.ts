import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ eventId: string; matchId: string }> };

/** GET …/claims/:matchId — the match's claim or null. */
export async function GET(request: Request, ctx: Ctx) {
  const { eventId, matchId } = await ctx.params;
  return apiHandlers.getClaim(request, eventId, matchId);
}

/** POST …/claims/:matchId {expiresAt?} — claim or renew. */
export async function POST(request: Request, ctx: Ctx) {
  const { eventId, matchId } = await ctx.params;
  return apiHandlers.claimMatch(request, eventId, matchId);
}

/** DELETE …/claims/:matchId — release. */
export async function DELETE(request: Request, ctx: Ctx) {
  const { eventId, matchId } = await ctx.params;
  return apiHandlers.releaseClaim(request, eventId, matchId);
}
