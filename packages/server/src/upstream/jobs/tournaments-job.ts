import { tournamentIdFor } from '../store/ids';
import { loadTournamentLinks, upsertTournaments } from '../store/tournament-links';
import { ValidatorCache } from '../store/validators';
import type { SyncJob } from '../runner/job-types';
import { guardFor } from './sources';
import type { Source } from './sources';
import type { VisAdapter } from '../vis/vis-adapter';

/**
 * F25: every VIS tournament, daily at 00:00 UTC, upserted keyed on its number. An unchanged
 * list (ETag or content hash) writes nothing; each tournament is written on its own, so one
 * tournament's failure leaves the others stored.
 */
export function tournamentsJob(vis: Source<VisAdapter>): SyncJob {
  return {
    name: 'tournaments',
    provider: 'vis',
    description: 'VIS tournament list (GetBeachTournamentList), daily',
    cron: '0 0 * * *',
    catchUpWindowMs: 86_400_000,
    async run(ctx) {
      const guard = await guardFor(ctx.db, 'vis', vis);
      const validators = await ValidatorCache.load(ctx.db, 'vis:tournaments:');
      const listed = await guard.call(() => vis.adapter.listTournaments(ctx.call(validators)));
      if (!listed.changed) {
        ctx.count('unchangedLists');
        return;
      }
      const held = await loadTournamentLinks(ctx.db, 'vis');
      await ctx.forEachTournament(
        listed.data,
        (t) => ({ providerNo: t.no, tournamentId: tournamentIdFor('vis', t.no) }),
        async (t, scope) => {
          const written = await upsertTournaments(ctx.db, 'vis', [t], held, scope.writes);
          return { status: written > 0 ? 'success' : 'unchanged', records: 1 };
        },
      );
      // Only a fully stored list may be skipped next time.
      if (ctx.results.every((r) => r.status !== 'failed')) {
        await validators.save(ctx.db, [listed.validator], ctx.writes);
      }
    },
  };
}
