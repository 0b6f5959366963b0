import type { RunOutcome, TournamentSyncStatus } from '@courtsync/protocol';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/raw-rows';
import type { Database } from '../db/types';
import type { RunRecord } from './performance-history';
import type { RunHistorySource } from './run-history';

const OUTCOME: Record<string, RunOutcome> = {
  success: 'SUCCESS',
  partial: 'PARTIAL',
  failed: 'FAILED',
};

/**
 * The runner's execution rows (`sync_executions`, `sync_tournament_results`, issue #12) as
 * the monitoring reads them. Raw SQL over those tables keeps this module independent of the
 * runner's code; times are read as epoch milliseconds (the same JS type on both drivers).
 */
export const executionHistory: RunHistorySource = {
  async runs(db: Database, from: Date, to: Date, job: string | null): Promise<RunRecord[]> {
    const rows = await queryRows<{
      job: string;
      started: string | number;
      finished: string | number;
      status: string;
      records: number;
    }>(
      db,
      sql`select job_name as job,
                 (extract(epoch from started_at) * 1000)::float8 as started,
                 (extract(epoch from finished_at) * 1000)::float8 as finished,
                 status, records_processed as records
          from sync_executions
          where finished_at >= ${from.toISOString()}::timestamptz
            and finished_at < ${to.toISOString()}::timestamptz
            and status <> 'running'
            ${job ? sql`and job_name = ${job}` : sql``}
          order by finished_at`,
    );
    return rows.map((r) => ({
      job: r.job,
      startedAt: new Date(Number(r.started)),
      finishedAt: new Date(Number(r.finished)),
      outcome: OUTCOME[r.status] ?? 'FAILED',
      records: Number(r.records),
    }));
  },

  async tournaments(db: Database, limit: number): Promise<TournamentSyncStatus[]> {
    const rows = await queryRows<{
      provider_no: string;
      name: string | null;
      job: string;
      status: string;
      at: string | number;
      records: number;
      error: string | null;
    }>(
      db,
      sql`select distinct on (r.provider, r.provider_no)
                 r.provider_no, t.name, r.job_name as job, r.status,
                 (extract(epoch from r.created_at) * 1000)::float8 as at,
                 r.records_processed as records, r.error_message as error
          from sync_tournament_results r
          left join tournaments t on t.id = r.tournament_id
          order by r.provider, r.provider_no, r.created_at desc, r.id desc`,
    );
    return rows
      .map((r) => ({
        tournamentNo: r.provider_no,
        name: r.name,
        job: r.job,
        // `unchanged` (the provider said nothing changed) is a successful sync too.
        outcome: r.status === 'unchanged' ? 'SUCCESS' : (OUTCOME[r.status] ?? 'FAILED'),
        syncedAt: new Date(Number(r.at)).toISOString(),
        records: Number(r.records),
        error: r.error,
      }))
      .sort((a, b) => b.syncedAt.localeCompare(a.syncedAt))
      .slice(0, limit);
  },
};
