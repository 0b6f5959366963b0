import type { PrestoAdapter } from '../presto/presto-adapter';
import type { SyncJob } from '../runner/job-types';
import { tournamentIdFor } from '../store/ids';
import { syncTournamentMatches } from '../store/sync-matches';
import { loadTournamentLinks, upsertTournaments } from '../store/tournament-links';
import { ValidatorCache } from '../store/validators';
import { loadLiveMatches, matchDays } from './live-matches';
import { pollResults } from './poll-results';
import { guardFor } from './sources';
import type { Source } from './sources';

/** F28: every configured team's season (events) every 4 hours; unchanged teams write nothing. */
export function prestoFullJob(presto: Source<PrestoAdapter>): SyncJob {
  return {
    name: 'presto-full',
    provider: 'presto',
    description: 'Presto-style team schedules (GET /teams/{id}/events), every 4 h',
    cron: '0 */4 * * *',
    catchUpWindowMs: 4 * 3_600_000,
    async run(ctx) {
      const guard = await guardFor(ctx.db, 'presto', presto);
      const validators = await ValidatorCache.load(ctx.db, 'presto:events:');
      const held = await loadTournamentLinks(ctx.db, 'presto');
      await ctx.forEachTournament(
        presto.adapter.teamIds,
        (teamId) => ({ providerNo: teamId, tournamentId: tournamentIdFor('presto', teamId) }),
        async (teamId, scope) => {
          const fetched = await guard.call(() =>
            presto.adapter.listMatches(scope.call(validators), teamId),
          );
          if (!fetched.changed) return { status: 'unchanged' };
          await upsertTournaments(ctx.db, 'presto', [fetched.data.tournament], held, scope.writes);
          const result = await syncTournamentMatches(
            ctx.db,
            'presto',
            teamId,
            fetched.data.matches,
            {
              executionId: ctx.executionId,
              writes: scope.writes,
            },
          );
          ctx.count('rescheduled', result.rescheduled);
          await validators.save(ctx.db, [fetched.validator], scope.writes);
          return { status: 'success', records: result.processed };
        },
      );
    },
  };
}

/** F28: live stats every 2 minutes, on game days only (days with a Presto game, UTC). */
export function prestoLiveJob(presto: Source<PrestoAdapter>): SyncJob {
  return {
    name: 'presto-live',
    provider: 'presto',
    description: 'Presto-style live stats (GET /events/{id}/stats), every 2 min on game days',
    cron: '*/2 * * * *',
    async runDays(db) {
      const days = await matchDays(db, 'presto');
      return (day) => days.has(day);
    },
    async run(ctx) {
      // On a game day (the scheduler's filter), the games in progress now.
      const live = await loadLiveMatches(ctx.db, 'presto', ctx.now());
      if (live.length === 0) return;
      const guard = await guardFor(ctx.db, 'presto', presto);
      await pollResults(ctx, 'presto', presto.adapter, guard, live);
    },
  };
}
