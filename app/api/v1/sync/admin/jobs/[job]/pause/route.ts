import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/sync/admin/jobs/:job/pause — admin: stop scheduled runs of a job. */
export async function POST(request: Request, context: { params: Promise<{ job: string }> }) {
  const { job } = await context.params;
  return apiHandlers.pauseJob(request, job);
}
