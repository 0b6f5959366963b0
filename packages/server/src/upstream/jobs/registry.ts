import type { SyncJob } from '../runner/job-types';
import { liveResultsJob } from './live-results-job';
import { prestoFullJob, prestoLiveJob } from './presto-jobs';
import { schedulesJob } from './schedules-job';
import type { SyncSources } from './sources';
import { tournamentsJob } from './tournaments-job';

/** The job registry: every job of every configured provider, in catch-up order. */
export function createSyncJobs(sources: SyncSources): SyncJob[] {
  const jobs: SyncJob[] = [];
  if (sources.vis) {
    jobs.push(tournamentsJob(sources.vis), schedulesJob(sources.vis), liveResultsJob(sources.vis));
  }
  if (sources.presto) jobs.push(prestoFullJob(sources.presto), prestoLiveJob(sources.presto));
  return jobs;
}
