import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ eventId: string }> };

/** GET …/coverage-plans — the signed-in user's plan (F5). */
export async function GET(request: Request, ctx: Ctx) {
  const { eventId } = await ctx.params;
  return apiHandlers.getCoveragePlan(request, eventId);
}

/** PUT …/coverage-plans {selectedMatches}. */
export async function PUT(request: Request, ctx: Ctx) {
  const { eventId } = await ctx.params;
  return apiHandlers.putCoveragePlan(request, eventId);
}

/** DELETE …/coverage-plans. */
export async function DELETE(request: Request, ctx: Ctx) {
  const { eventId } = await ctx.params;
  return apiHandlers.deleteCoveragePlan(request, eventId);
}
