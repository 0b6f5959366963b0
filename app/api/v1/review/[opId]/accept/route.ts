import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ opId: string }> };

/** POST /api/v1/review/:opId/accept (admin). */
export async function POST(request: Request, ctx: Ctx) {
  const { opId } = await ctx.params;
  return apiHandlers.acceptReview(request, opId);
}
