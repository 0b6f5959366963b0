import type { SyncJob } from '../runner/job-types';
import type { VisAdapter } from '../vis/vis-adapter';
import { loadLiveMatches } from './live-matches';
import { pollResults } from './poll-results';
import { guardFor } from './sources';
import type { Source } from './sources';

/** F27: results of VIS matches in progress, every 30 seconds (no call when none is). */
export function liveResultsJob(vis: Source<VisAdapter>): SyncJob {
  return {
    name: 'live-results',
    provider: 'vis',
    description: 'VIS results of matches in progress (GetBeachMatch), every 30 s',
    cron: '*/30 * * * * *',
    async run(ctx) {
      const live = await loadLiveMatches(ctx.db, 'vis', ctx.now());
      if (live.length === 0) return;
      const guard = await guardFor(ctx.db, 'vis', vis);
      await pollResults(ctx, 'vis', vis.adapter, guard, live);
    },
  };
}
