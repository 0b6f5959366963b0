import { apiHandlers } from '@courtsync/server';

export const dynamic = 'force-dynamic';

/** POST /api/v1/sync/admin/jobs/:job/resume — admin: scheduled runs of a job start again. */
export async function POST(request: Request, context: { params: Promise<{ job: string }> }) {
  const { job } = await context.params;
  return apiHandlers.resumeJob(request, job);
}
