import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobRunReport } from './run-report';

/** The metric objects of the process (F34); see `syncMetrics()`. */
export interface SyncMetrics {
  registry: Registry;
  jobDuration: Histogram<'job' | 'outcome'>;
  jobRuns: Counter<'job' | 'outcome'>;
  records: Counter<'job'>;
  errors: Counter<'job' | 'type'>;
  upstreamRequests: Counter<'endpoint' | 'status'>;
  upstreamResponse: Histogram<'endpoint'>;
  cacheLookups: Counter<'result'>;
  /** Refreshed from the database right before each scrape (see renderMetrics). */
  consecutiveFailures: Gauge<'job'>;
  lastSuccess: Gauge<'job'>;
  jobActive: Gauge<'job'>;
  alertsActive: Gauge<'severity'>;
  /** Client device metrics aggregates (F24), filled by the device-metrics source if any. */
  device: Gauge<'measure'>;
}

const KEY = Symbol.for('courtsync.server.syncMetrics');

function create(): SyncMetrics {
  const registry = new Registry();
  // Process memory, CPU, event-loop lag, heap: the "memory" of F34.
  collectDefaultMetrics({ register: registry, prefix: 'courtsync_' });
  const registers = [registry];
  return {
    registry,
    jobDuration: new Histogram({
      name: 'courtsync_sync_job_duration_seconds',
      help: 'Duration of upstream sync runs',
      labelNames: ['job', 'outcome'],
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1200],
      registers,
    }),
    jobRuns: new Counter({
      name: 'courtsync_sync_job_runs_total',
      help: 'Upstream sync runs by outcome',
      labelNames: ['job', 'outcome'],
      registers,
    }),
    records: new Counter({
      name: 'courtsync_sync_records_processed_total',
      help: 'Records written or checked by sync runs',
      labelNames: ['job'],
      registers,
    }),
    errors: new Counter({
      name: 'courtsync_sync_errors_total',
      help: 'Classified sync failures',
      labelNames: ['job', 'type'],
      registers,
    }),
    upstreamRequests: new Counter({
      name: 'courtsync_upstream_requests_total',
      help: 'Calls (attempts) to upstream providers by endpoint and HTTP status (none = no answer)',
      labelNames: ['endpoint', 'status'],
      registers,
    }),
    upstreamResponse: new Histogram({
      name: 'courtsync_upstream_response_seconds',
      help: 'Response time of upstream providers per attempt',
      labelNames: ['endpoint'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    cacheLookups: new Counter({
      name: 'courtsync_upstream_cache_lookups_total',
      help: 'Upstream answers that were unchanged (hit: 304) or new (miss); hit ratio = hit / all',
      labelNames: ['result'],
      registers,
    }),
    consecutiveFailures: new Gauge({
      name: 'courtsync_sync_job_consecutive_failures',
      help: 'Failed runs in a row per job',
      labelNames: ['job'],
      registers,
    }),
    lastSuccess: new Gauge({
      name: 'courtsync_sync_job_last_success_timestamp_seconds',
      help: 'Unix time of the last successful run per job (0 = never)',
      labelNames: ['job'],
      registers,
    }),
    jobActive: new Gauge({
      name: 'courtsync_sync_job_active',
      help: '1 when scheduled runs of the job are enabled, 0 when paused',
      labelNames: ['job'],
      registers,
    }),
    alertsActive: new Gauge({
      name: 'courtsync_alerts_active',
      help: 'Unresolved alerts by severity',
      labelNames: ['severity'],
      registers,
    }),
    device: new Gauge({
      name: 'courtsync_device_sync',
      help: 'Client device flush aggregates (F24): items_per_minute, success_rate, avg_wait_seconds, reports, devices',
      labelNames: ['measure'],
      registers,
    }),
  };
}

/** The process's metrics, created once (on globalThis: Next loads server code twice). */
export function syncMetrics(): SyncMetrics {
  const holder = globalThis as typeof globalThis & { [KEY]?: SyncMetrics };
  return (holder[KEY] ??= create());
}

/**
 * The endpoint label of an upstream url: host and path with numbers replaced, so per-tournament
 * or per-team paths do not each become a time series.
 */
export function endpointLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname.replace(/\d+/g, ':n')}`;
  } catch {
    return 'invalid-url';
  }
}

/** Counts one upstream attempt (F34: upstream calls, response times, cache hit ratio). */
export function observeUpstreamCall(
  url: string,
  status: number | null,
  ms: number,
  notModified: boolean,
  metrics: SyncMetrics = syncMetrics(),
): void {
  const endpoint = endpointLabel(url);
  metrics.upstreamRequests.inc({ endpoint, status: String(status ?? 'none') });
  metrics.upstreamResponse.observe({ endpoint }, ms / 1000);
  if (status !== null && status < 400) {
    metrics.cacheLookups.inc({ result: notModified ? 'hit' : 'miss' });
  }
}

/** Counts a finished run into the job counters and the duration histogram. */
export function observeRun(report: JobRunReport, metrics: SyncMetrics = syncMetrics()): void {
  const seconds = Math.max(0, report.finishedAt.getTime() - report.startedAt.getTime()) / 1000;
  metrics.jobDuration.observe({ job: report.job, outcome: report.outcome }, seconds);
  metrics.jobRuns.inc({ job: report.job, outcome: report.outcome });
  metrics.records.inc({ job: report.job }, report.recordsProcessed);
  for (const e of report.errors) metrics.errors.inc({ job: report.job, type: e.type });
}
