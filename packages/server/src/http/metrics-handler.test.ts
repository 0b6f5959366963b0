import { API } from '@courtsync/protocol';
import {
  describeEachDatabase,
  getRequest,
  resetMonitoring,
  runReport,
  TestClock,
  testApi,
  testMonitoring,
} from '@courtsync/server/test-support';
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
  beforeEach(() => resetMonitoring(get().db));
  afterEach(() => setDeviceMetricsSource(undefined));

  it('is Prometheus text with the job duration histograms, counters and gauges', async () => {
    const { db } = get();
    const clock = new TestClock();
    const monitoring = testMonitoring(db, clock);
    const report = (outcome: 'SUCCESS' | 'FAILED', ms: number) => ({
      ...runReport('schedules', clock, outcome, { ms, records: 4 }),
      upstreamCalls: [
        {
          provider: 'vis',
          operation: 'GetBeachMatchList',
          durationMs: 120,
          status: 200,
          cached: true,
        },
        { provider: 'vis', operation: 'GetBeachMatchList', durationMs: 80, status: 503 },
      ],
    });
    await monitoring.monitor.runFinished(report('SUCCESS', 1500));
    await monitoring.monitor.runFinished(report('FAILED', 700));
    setDeviceMetricsSource(async () => ({
      itemsPerMinute: 42,
      successRate: 0.98,
      avgWaitSeconds: 1.5,
      reports: 10,
      devices: 3,
    }));
    const { api } = testApi(db, { monitoring });
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
    const ok = { job: 'schedules', outcome: 'SUCCESS' };
    expect(value('courtsync_sync_job_duration_seconds_bucket', { ...ok, le: '1' })).toBe(0);
    expect(value('courtsync_sync_job_duration_seconds_bucket', { ...ok, le: '2' })).toBe(1);
    expect(value('courtsync_sync_job_duration_seconds_sum', ok)).toBe(1.5);
    expect(
      value('courtsync_sync_job_duration_seconds_count', { job: 'schedules', outcome: 'FAILED' }),
    ).toBe(1);
    expect(value('courtsync_sync_job_runs_total', ok)).toBe(1);
    expect(value('courtsync_sync_records_processed_total', { job: 'schedules' })).toBe(8);
    expect(value('courtsync_sync_errors_total', { job: 'schedules', type: 'API' })).toBe(1);
    expect(value('courtsync_upstream_requests_total', { provider: 'vis', status: '503' })).toBe(2);
    expect(value('courtsync_upstream_response_seconds_count', { provider: 'vis' })).toBe(4);
    expect(value('courtsync_upstream_cache_lookups_total', { result: 'hit' })).toBe(2);
    expect(value('courtsync_sync_job_consecutive_failures', { job: 'schedules' })).toBe(1);
    expect(value('courtsync_sync_job_active', { job: 'tournaments' })).toBe(1);
    expect(value('courtsync_alerts_active', { severity: 'HIGH' })).toBe(0);
    expect(value('courtsync_process_resident_memory_bytes', {})).toBeGreaterThan(0);
    expect(value('courtsync_device_sync', { measure: 'items_per_minute' })).toBe(42);
    expect(value('courtsync_device_sync', { measure: 'success_rate' })).toBe(0.98);
  });
});
