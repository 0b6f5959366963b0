import {
  markScheduleSynced,
  loadTournamentLinks,
  upsertTournaments,
} from '../store/tournament-links';
import { syncTournamentMatches } from '../store/sync-matches';
import { tournamentIdFor } from '../store/ids';
import { ValidatorCache } from '../store/validators';
import type { RunContext } from '../runner/run-context';
import type { SyncJob } from '../runner/job-types';
import type { VisAdapter } from '../vis/vis-adapter';
import { guardFor } from './sources';
import type { Source } from './sources';

interface Work {
  no: string;
  version?: string;
  /** Left the running list since the last run: one last sync, then out of the schedule. */
  final: boolean;
}

/**
 * F26: match schedules of running tournaments every 15 minutes. One list call tells which
 * tournaments changed (VIS Version; a 304 when none did); only those fetch their match lists,
 * and only changed matches are written (reschedules and court changes also go to the history).
 * A tournament that left the running list gets one final sync, then leaves the schedule.
 */
export function schedulesJob(vis: Source<VisAdapter>): SyncJob {
  return {
    name: 'schedules',
    provider: 'vis',
    description: 'VIS match schedules of running tournaments (GetBeachMatchList), every 15 min',
    cron: '0,15,30,45 * * * *',
    catchUpWindowMs: 15 * 60_000,
    async run(ctx) {
      const guard = await guardFor(ctx.db, 'vis', vis);
      const validators = await ValidatorCache.load(ctx.db, 'vis:');
      const held = await loadTournamentLinks(ctx.db, 'vis');
      const listed = await guard.call(() =>
        vis.adapter.listTournaments(ctx.call(validators), { statuses: ['running'] }),
      );
      const wasRunning = [...held.values()].filter((l) => l.status === 'running');
      if (!listed.changed) {
        // Nothing changed upstream since the last complete run: no call per tournament.
        await recordUnchanged(
          ctx,
          wasRunning.map((l) => l.providerNo),
        );
        return;
      }
      await upsertTournaments(ctx.db, 'vis', listed.data, held, ctx.writes);
      const runningNos = new Set(listed.data.map((t) => t.no));
      const work: Work[] = [
        ...listed.data.map((t) => ({ no: t.no, version: t.version, final: false })),
        ...wasRunning
          .filter((l) => !runningNos.has(l.providerNo))
          .map((l) => ({ no: l.providerNo, final: true })),
      ];
      await ctx.forEachTournament(
        work,
        (w) => ({ providerNo: w.no, tournamentId: tournamentIdFor('vis', w.no) }),
        async (w, scope) => {
          if (w.final) {
            const t = await guard.call(() =>
              vis.adapter.getTournament(scope.call(validators), w.no),
            );
            await upsertTournaments(ctx.db, 'vis', [t], held, scope.writes);
            w.version = t.version;
          } else if (w.version !== undefined && held.get(w.no)?.scheduleVersion === w.version) {
            return { status: 'unchanged' };
          }
          const fetched = await guard.call(() =>
            vis.adapter.listMatches(scope.call(validators), w.no),
          );
          let records = 0;
          if (fetched.changed) {
            const result = await syncTournamentMatches(ctx.db, 'vis', w.no, fetched.data.matches, {
              executionId: ctx.executionId,
              writes: scope.writes,
            });
            records = result.processed;
            ctx.count('matchesWritten', result.inserted + result.updated);
            ctx.count('rescheduled', result.rescheduled);
            await validators.save(ctx.db, [fetched.validator], scope.writes);
          }
          await markScheduleSynced(ctx.db, 'vis', w.no, w.version ?? null, scope.writes);
          return { status: fetched.changed ? 'success' : 'unchanged', records };
        },
      );
      if (ctx.results.every((r) => r.status !== 'failed')) {
        await validators.save(ctx.db, [listed.validator], ctx.writes);
      }
    },
  };
}

/** Result rows for tournaments checked without a call (the monitoring shows them as fresh). */
async function recordUnchanged(ctx: RunContext, nos: string[]): Promise<void> {
  await ctx.forEachTournament(
    nos,
    (no) => ({ providerNo: no, tournamentId: tournamentIdFor('vis', no) }),
    async () => ({ status: 'unchanged' }),
  );
}
