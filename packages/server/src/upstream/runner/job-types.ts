import type { Database } from '../../db/types';
import type { ProviderName } from '../provider';
import type { RunContext } from './run-context';

/** The sync jobs (F25–F28); the monitoring keys its status rows on these names. */
export const JOB_NAMES = [
  'tournaments',
  'schedules',
  'live-results',
  'presto-full',
  'presto-live',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** A scheduled sync job. */
export interface SyncJob {
  name: JobName;
  provider: ProviderName;
  description: string;
  /** Cron expression, evaluated in UTC (seconds field optional). */
  cron: string;
  /**
   * When set, a start-up finds the tick missed within this window (e.g. the server was down at
   * 00:00) and runs it once, claimed like any tick so only one instance catches up.
   */
  catchUpWindowMs?: number;
  /** Days (YYYY-MM-DD, UTC) the job may run; all when absent (presto-live: game days only). */
  runDays?(db: Database): Promise<(day: string) => boolean>;
  /** The run itself: per-tournament work goes through `ctx.forEachTournament`. */
  run(ctx: RunContext): Promise<void>;
}

/** Why and for which tick a run starts. */
export type RunTrigger =
  | { kind: 'scheduled' | 'catch-up'; slot: Date }
  /** A manual run; with `tournamentNo`, of that one tournament only (F37). */
  | { kind: 'manual'; reason?: string; tournamentNo?: string };

/** Why a trigger did not start a run. */
export type SkipReason = 'overlap' | 'locked' | 'slot-taken' | 'stopping';

/** What a finished run recorded (its execution row, in short). */
export interface RunSummary {
  job: JobName;
  executionId: number;
  status: 'success' | 'partial' | 'failed';
  durationMs: number;
  records: number;
  upstreamCalls: number;
  writes: number;
  errorCategory?: string;
  errorMessage?: string;
}

/** A trigger's outcome: a run, or why there was none. */
export type RunOutcome =
  ({ ran: true } & RunSummary) | { ran: false; job: JobName; reason: SkipReason };
