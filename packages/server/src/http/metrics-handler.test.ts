import { API } from '@courtsync/protocol';
import {
  describeEachDatabase,
  getRequest,
  resetMonitoring,
  startSimSync,
  testApi,
  waitUntil,
} from '@courtsync/server/test-support';
import { syncMetrics } from '../monitoring/metrics';
import { setDeviceMetricsSource } from '../monitoring/metrics-scrape';

/**
 * One sample of the text exposition format: name{labels} value [timestamp]. NaN and Inf in
 * any case: Prometheus reads values with Go's ParseFloat, and prom-client prints "Nan".
 */
const SAMPLE =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (-?[0-9.e+-]+|[Nn][Aa][Nn]|[+-]Inf)( -?\d+)?$/;
const META = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/;

interface Parsed {
  types: Map<string, string>;
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

/** A strict reader of the Prometheus text format (0.0.4): every line must be valid. */
function parseExposition(text: string): Parsed {
  const types = new Map<string, string>();
  const samples: Parsed['samples'] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = META.exec(line);
    if (meta) {
      if (meta[1] === 'TYPE') types.set(meta[2] ?? '', meta[3] ?? '');
      continue;
    }
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not Prometheus text: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[k ?? ''] = v ?? '';
    }
    samples.push({ name: m[1] ?? '', labels, value: Number(m[3]) });
  }
  return { types, samples };
}

describeEachDatabase('GET /api/metrics', (get) => {
  beforeEach(async () => {
    await resetMonitoring(get().db);
    // The registry is per process: start each engine's run from zero.
    syncMetrics().registry.resetMetrics();
  });
  const afterTeardown: (() => Promise<void>)[] = [];
  afterEach(async () => {
    setDeviceMetricsSource(undefined);
    for (const f of afterTeardown.splice(0)) await f();
  });

  it('is Prometheus text with the job duration histograms, counters and gauges', async () => {
    const { db } = get();
    // Real runs of the schedules job against the simulator: one clean, one with a 503 on its
    // first call (the tournament list; the match lists are skipped when nothing changed).
    const s = await startSimSync(db);
    afterTeardown.push(() => s.close());
    {
      await s.sync.runner.run('schedules', { kind: 'manual' });
      s.sim.faults.add({
        protocol: 'vis',
        endpoint: 'GetBeachTournamentList',
        kind: 'error',
        status: 503,
      });
      await s.sync.runner.run('schedules', { kind: 'manual' });
      await waitUntil(async () =>
        (await s.monitoring.monitor.healthOverview()).jobs.some(
          (j) => j.job === 'schedules' && j.errorCount === 1,
        ),
      );
    }
    setDeviceMetricsSource(async () => ({
      itemsPerMinute: 42,
      successRate: 0.98,
      avgWaitSeconds: 1.5,
      reports: 10,
      devices: 3,
    }));
    const { api } = testApi(db, { monitoring: s.monitoring });
    const response = await api.metrics(getRequest(API.metrics));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const { types, samples } = parseExposition(await response.text());
    const value = (name: string, labels: Record<string, string>) =>
      samples.find(
        (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
      )?.value;

    expect(types.get('courtsync_sync_job_duration_seconds')).toBe('histogram');
    expect(types.get('courtsync_sync_job_runs_total')).toBe('counter');
    expect(types.get('courtsync_upstream_response_seconds')).toBe('histogram');
    const count = (name: string, labels: Record<string, string>) =>
      samples
        .filter(
          (x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v),
        )
        .reduce((sum, x) => sum + x.value, 0);
    const ok = { job: 'schedules', outcome: 'SUCCESS' };
    const failed = { job: 'schedules', outcome: 'FAILED' };
    expect(value('courtsync_sync_job_duration_seconds_count', ok)).toBe(1);
    expect(value('courtsync_sync_job_duration_seconds_count', failed)).toBe(1);
    expect(value('courtsync_sync_job_duration_seconds_bucket', { ...ok, le: '+Inf' })).toBe(1);
    expect(value('courtsync_sync_job_duration_seconds_sum', ok)).toBeGreaterThan(0);
    expect(value('courtsync_sync_job_runs_total', ok)).toBe(1);
    expect(value('courtsync_sync_job_runs_total', failed)).toBe(1);
    expect(value('courtsync_sync_records_processed_total', { job: 'schedules' })).toBeGreaterThan(
      0,
    );
    expect(value('courtsync_sync_errors_total', { job: 'schedules', type: 'API' })).toBeGreaterThan(
      0,
    );
    expect(count('courtsync_upstream_requests_total', { status: '200' })).toBeGreaterThan(0);
    expect(count('courtsync_upstream_requests_total', { status: '503' })).toBeGreaterThan(0);
    expect(count('courtsync_upstream_response_seconds_count', {})).toBe(
      count('courtsync_upstream_requests_total', {}),
    );
    expect(count('courtsync_upstream_cache_lookups_total', {})).toBeGreaterThan(0);
    expect(value('courtsync_sync_job_consecutive_failures', { job: 'schedules' })).toBe(1);
    expect(value('courtsync_sync_job_active', { job: 'tournaments' })).toBe(1);
    expect(value('courtsync_alerts_active', { severity: 'HIGH' })).toBe(0);
    expect(value('courtsync_process_resident_memory_bytes', {})).toBeGreaterThan(0);
    expect(value('courtsync_device_sync', { measure: 'items_per_minute' })).toBe(42);
    expect(value('courtsync_device_sync', { measure: 'success_rate' })).toBe(0.98);
  });
});
