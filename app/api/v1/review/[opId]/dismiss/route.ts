import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ opId: string }> };

/** POST /api/v1/review/:opId/dismiss (admin). */
export async function POST(request: Request, ctx: Ctx) {
  const { opId } = await ctx.params;
  return apiHandlers.dismissReview(request, opId);
}
