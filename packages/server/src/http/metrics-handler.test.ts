import { API } from '@courtsync/protocol';
import {
  apiRequest,
  DEMO,
  describeEachDatabase,
  getRequest,
  resetMonitoring,
  signIn,
  startSimSync,
  testApi,
  waitUntil,
} from '@courtsync/server/test-support';
import { syncMetrics } from '../monitoring/metrics';
import { setDeviceMetricsSource } from '../monitoring/metrics-scrape';
import { authSettingsFromEnv } from '../services/auth/auth-settings';

/** The scraper's credential in these tests (METRICS_TOKEN: 16 characters at least). */
const METRICS_TOKEN = 'prometheus-scrape-token-42';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

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
    const { api } = testApi(db, {
      monitoring: s.monitoring,
      auth: { metricsToken: METRICS_TOKEN },
    });
    // As Prometheus scrapes it: `authorization: Bearer <METRICS_TOKEN>` (no user, no sign-in).
    const response = await api.metrics(getRequest(API.metrics, bearer(METRICS_TOKEN)));
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

  it('admits the METRICS_TOKEN and signed-in admins; 401 for anyone else, 403 for other roles', async () => {
    const { db } = get();
    const { api } = testApi(db, {
      auth: { mode: 'required', metricsToken: METRICS_TOKEN },
      rateLimits: { store: 'off' },
    });
    const scrape = async (headers: Record<string, string>) => {
      const response = await api.metrics(getRequest(API.metrics, headers));
      const text = await response.text();
      const code = response.ok
        ? undefined
        : (JSON.parse(text) as { error: { code: string } }).error.code;
      return { status: response.status, code, text };
    };
    const scraper = await scrape(bearer(METRICS_TOKEN));
    expect(scraper.status).toBe(200);
    expect(scraper.text).toMatch(/^# (HELP|TYPE) courtsync_/m);
    const admin = await signIn(api, DEMO.admin);
    expect((await scrape(bearer(admin.accessToken))).status).toBe(200);
    expect((await scrape({ cookie: admin.cookie })).status).toBe(200);

    expect(await scrape({})).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
    for (const wrong of [`${METRICS_TOKEN}x`, 'test-admin-token', METRICS_TOKEN.slice(0, -1)]) {
      expect(await scrape(bearer(wrong))).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
    }
    for (const who of [DEMO.scorer1, DEMO.coach, DEMO.media, DEMO.fan]) {
      const session = await signIn(api, who);
      expect(await scrape(bearer(session.accessToken))).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    // A server without METRICS_TOKEN admits admins only.
    const closed = testApi(db, { auth: { mode: 'required' }, rateLimits: { store: 'off' } }).api;
    const refused = await closed.metrics(getRequest(API.metrics, bearer(METRICS_TOKEN)));
    expect(refused.status).toBe(401);
    const signedOut = await api.logout(
      apiRequest('POST', API.logout, undefined, { cookie: admin.cookie }),
    );
    expect(signedOut.status).toBe(204);
    expect(await scrape(bearer(admin.accessToken))).toMatchObject({
      status: 401,
      code: 'TOKEN_INVALID',
    });
  });

  it('reads METRICS_TOKEN from the environment, ignoring one shorter than 16 characters', () => {
    const from = (env: Record<string, string>) =>
      authSettingsFromEnv({ NODE_ENV: 'test', ...env }).metricsToken;
    expect(from({ METRICS_TOKEN })).toBe(METRICS_TOKEN);
    expect(from({ METRICS_TOKEN: 'too-short' })).toBeUndefined();
    expect(from({})).toBeUndefined();
  });
});
