import type {
  HistoryBucket,
  HistoryPeriod,
  PerformanceHistory,
  RunOutcome,
} from '@courtsync/protocol';

/** One finished run as the charts need it (from the runner's execution rows). */
export interface RunRecord {
  job: string;
  startedAt: Date;
  finishedAt: Date;
  outcome: RunOutcome;
  records: number;
}

/** One logged error as the charts need it. */
export interface ErrorRecord {
  type: string;
  occurredAt: Date;
}

/** Bucket size and count per chart period: hourly for a day, six-hourly for a week. */
export const PERIODS: Record<HistoryPeriod, { bucketMinutes: number; buckets: number }> = {
  '24h': { bucketMinutes: 60, buckets: 24 },
  '7d': { bucketMinutes: 360, buckets: 28 },
};

/** The window of a period ending with the bucket that contains `now` (UTC-aligned). */
export function periodWindow(period: HistoryPeriod, now: Date): { from: Date; to: Date } {
  const size = PERIODS[period].bucketMinutes * 60_000;
  const to = (Math.floor(now.getTime() / size) + 1) * size;
  return { from: new Date(to - PERIODS[period].buckets * size), to: new Date(to) };
}

const percent = (part: number, all: number) =>
  all === 0 ? null : Math.round((part / all) * 10_000) / 100;
const mean = (xs: number[]) =>
  xs.length === 0 ? null : Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);

/** Nearest-rank percentile (p in 0–100) of unsorted values; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

function countTypes(errors: readonly ErrorRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of errors) out[e.type] = (out[e.type] ?? 0) + 1;
  return out;
}

function summarize(runs: readonly RunRecord[], errors: readonly ErrorRecord[]) {
  const durations = runs.map((r) => r.finishedAt.getTime() - r.startedAt.getTime());
  const successes = runs.filter((r) => r.outcome === 'SUCCESS').length;
  return {
    runs: runs.length,
    successes,
    failures: runs.length - successes,
    successRate: percent(successes, runs.length),
    avgDurationMs: mean(durations),
    durations,
    records: runs.reduce((sum, r) => sum + r.records, 0),
    errorsByType: countTypes(errors),
  };
}

/**
 * Success rate, durations, records and errors by type (F36 charts), per bucket and in total.
 * A run belongs to the bucket in which it finished; SUCCESS counts as a success, PARTIAL and
 * FAILED as failures. Inputs outside the window are ignored.
 */
export function buildPerformanceHistory(
  period: HistoryPeriod,
  entity: string | null,
  runs: readonly RunRecord[],
  errors: readonly ErrorRecord[],
  now: Date,
): PerformanceHistory {
  const { from, to } = periodWindow(period, now);
  const size = PERIODS[period].bucketMinutes * 60_000;
  const inWindow = (t: Date) => t >= from && t < to;
  const slot = (t: Date) => Math.floor((t.getTime() - from.getTime()) / size);
  const runsIn = runs.filter((r) => inWindow(r.finishedAt) && (!entity || r.job === entity));
  const errorsIn = errors.filter((e) => inWindow(e.occurredAt));
  const buckets: HistoryBucket[] = Array.from({ length: PERIODS[period].buckets }, (_, i) => {
    const s = summarize(
      runsIn.filter((r) => slot(r.finishedAt) === i),
      errorsIn.filter((e) => slot(e.occurredAt) === i),
    );
    return {
      start: new Date(from.getTime() + i * size).toISOString(),
      runs: s.runs,
      successes: s.successes,
      failures: s.failures,
      successRate: s.successRate,
      avgDurationMs: s.avgDurationMs,
      maxDurationMs: s.durations.length ? Math.max(...s.durations) : null,
      records: s.records,
      errorsByType: s.errorsByType,
    };
  });
  const total = summarize(runsIn, errorsIn);
  return {
    period,
    entity,
    from: from.toISOString(),
    to: to.toISOString(),
    bucketMinutes: PERIODS[period].bucketMinutes,
    totals: {
      runs: total.runs,
      successes: total.successes,
      failures: total.failures,
      successRate: total.successRate,
      avgDurationMs: total.avgDurationMs,
      p95DurationMs: percentile(total.durations, 95),
      records: total.records,
      errorsByType: total.errorsByType,
    },
    buckets,
  };
}
