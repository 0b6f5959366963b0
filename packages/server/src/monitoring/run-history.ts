import type { TournamentSyncStatus } from '@courtsync/protocol';
import type { Database } from '../db/types';
import type { RunRecord } from './performance-history';

/**
 * Where the monitoring reads execution history and per-tournament results from: the upstream
 * runner's execution rows (issue #12). The monitoring only reads; the runner writes them.
 */
export interface RunHistorySource {
  /** Runs that finished in [from, to), of one job or (job null) of all. */
  runs(db: Database, from: Date, to: Date, job: string | null): Promise<RunRecord[]>;
  /** The latest sync result of each tournament, newest first. */
  tournaments(db: Database, limit: number): Promise<TournamentSyncStatus[]>;
}

/** Success rate in percent of runs (SUCCESS / all); null when there were none. */
export function successRateOf(runs: readonly RunRecord[]): number | null {
  if (runs.length === 0) return null;
  const ok = runs.filter((r) => r.outcome === 'SUCCESS').length;
  return Math.round((ok / runs.length) * 10_000) / 100;
}
