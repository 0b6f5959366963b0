import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ userId: string }> };

/** PATCH /api/v1/users/:userId (admin). */
export async function PATCH(request: Request, ctx: Ctx) {
  const { userId } = await ctx.params;
  return apiHandlers.updateUser(request, userId);
}
