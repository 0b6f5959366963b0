import { randomUUID } from 'node:crypto';
import {
  apiErrorSchema,
  backgroundStatusSchema,
  DEFAULT_SYNC_SETTINGS,
  postMetricsResponseSchema,
  syncMetricsSchema,
  type FlushReport,
} from '@courtsync/protocol';
import { describeEachDatabase, getRequest, testApi } from '@courtsync/server/test-support';
import { readDeviceStatus, saveDeviceSettings } from '../services/background/device-sync';

const BASE = 'http://localhost/api/v1/sync/background';

function jsonRequest(method: string, path: string, body: unknown, raw?: string): Request {
  return new Request(`${BASE}/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });
}

async function expectError(response: Response, code: string) {
  expect(response.status).toBe(400);
  const body = apiErrorSchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body.error;
}

const report = (over: Partial<FlushReport> = {}): FlushReport => ({
  id: randomUUID(),
  at: new Date().toISOString(),
  items: 10,
  bytes: 1200,
  durationMs: 300,
  failures: 0,
  waitMs: 10 * 2000,
  ...over,
});

describeEachDatabase('background-sync API', (get) => {
  it('status of a new device: defaults, active, nothing reported', async () => {
    const { api } = testApi(get().db);
    const clientId = randomUUID();
    const response = await api.backgroundStatus(
      getRequest(`/api/v1/sync/background/status?clientId=${clientId}`),
    );
    expect(response.status).toBe(200);
    expect(backgroundStatusSchema.parse(await response.json())).toMatchObject({
      clientId,
      state: 'active',
      settings: DEFAULT_SYNC_SETTINGS,
      settingsSource: 'default',
      lastStartAt: null,
      lastReportAt: null,
    });
  });

  it('PUT settings stores them per device; pause, resume and start are recorded', async () => {
    const { api } = testApi(get().db);
    const clientId = randomUUID();
    const settings = {
      ...DEFAULT_SYNC_SETTINGS,
      minimumBatteryLevel: 35,
      syncOnlyWhenCharging: true,
    };
    const put = await api.backgroundSettings(
      jsonRequest('PUT', 'settings', { clientId, settings }),
    );
    expect(put.status).toBe(200);
    expect(backgroundStatusSchema.parse(await put.json())).toMatchObject({
      settings,
      settingsSource: 'device',
    });
    const paused = await api.backgroundPause(jsonRequest('POST', 'pause', { clientId }));
    expect(backgroundStatusSchema.parse(await paused.json()).state).toBe('paused');
    const started = await api.backgroundStart(jsonRequest('POST', 'start', { clientId }));
    const afterStart = backgroundStatusSchema.parse(await started.json());
    expect(afterStart.lastStartAt).not.toBeNull();
    expect(afterStart.state).toBe('paused');
    const resumed = await api.backgroundResume(jsonRequest('POST', 'resume', { clientId }));
    expect(backgroundStatusSchema.parse(await resumed.json())).toMatchObject({
      state: 'active',
      settings,
    });
    // Another device is not affected.
    const other = await api.backgroundStatus(
      getRequest(`/api/v1/sync/background/status?clientId=${randomUUID()}`),
    );
    expect(backgroundStatusSchema.parse(await other.json()).settingsSource).toBe('default');
  });

  it("a signed-in user's settings follow them to a new device", async () => {
    const db = get().db;
    const userId = `user-${randomUUID()}`;
    const old = { clientId: randomUUID(), userId };
    const settings = { ...DEFAULT_SYNC_SETTINGS, syncIntervalMinutes: 15 };
    await saveDeviceSettings(db, old, settings);
    const fresh = await readDeviceStatus(db, { clientId: randomUUID(), userId });
    expect(fresh).toMatchObject({ settings, settingsSource: 'user' });
    const anonymous = await readDeviceStatus(db, { clientId: randomUUID(), userId: null });
    expect(anonymous.settingsSource).toBe('default');
  });

  it('POST metrics stores batched reports once; GET metrics aggregates them', async () => {
    const { api } = testApi(get().db);
    const clientId = randomUUID();
    const a = report({ items: 30, failures: 0, durationMs: 600, waitMs: 30 * 4000 });
    const b = report({ items: 10, failures: 10, durationMs: 400, waitMs: 10 * 1000, bytes: 800 });
    const first = await api.backgroundReport(
      jsonRequest('POST', 'metrics', { clientId, reports: [a, b] }),
    );
    expect(postMetricsResponseSchema.parse(await first.json())).toEqual({
      stored: 2,
      duplicates: 0,
    });
    // The same batch again (a lost answer, a second context): nothing counted twice.
    const again = await api.backgroundReport(
      jsonRequest('POST', 'metrics', { clientId, reports: [a, b] }),
    );
    expect(postMetricsResponseSchema.parse(await again.json())).toEqual({
      stored: 0,
      duplicates: 2,
    });
    const response = await api.backgroundMetrics(
      getRequest(`/api/v1/sync/background/metrics?clientId=${clientId}&windowMinutes=10`),
    );
    expect(response.status).toBe(200);
    const metrics = syncMetricsSchema.parse(await response.json());
    expect(metrics).toMatchObject({
      clientId,
      windowMinutes: 10,
      flushes: 2,
      items: 40,
      bytes: 2000,
      failures: 10,
      itemsPerMinute: 4,
      flushItemsPerMinute: 2400,
      successRate: 0.8,
      averageWaitMs: 3250,
    });
    expect(metrics.lastReportAt).not.toBeNull();
    const status = await api.backgroundStatus(
      getRequest(`/api/v1/sync/background/status?clientId=${clientId}`),
    );
    expect(backgroundStatusSchema.parse(await status.json()).lastReportAt).not.toBeNull();
    const empty = syncMetricsSchema.parse(
      await (
        await api.backgroundMetrics(
          getRequest(`/api/v1/sync/background/metrics?clientId=${randomUUID()}`),
        )
      ).json(),
    );
    expect(empty).toMatchObject({
      flushes: 0,
      items: 0,
      successRate: null,
      averageWaitMs: null,
      windowMinutes: 60,
    });
  });

  it('answers bad requests 400 in the error shape', async () => {
    const { api } = testApi(get().db);
    const clientId = randomUUID();
    const bad = { ...DEFAULT_SYNC_SETTINGS, minimumBatteryLevel: 120 };
    const e1 = await expectError(
      await api.backgroundSettings(jsonRequest('PUT', 'settings', { clientId, settings: bad })),
      'VALIDATION_FAILED',
    );
    expect(JSON.stringify(e1.details)).toContain('minimumBatteryLevel');
    const { enabled: _enabled, ...missing } = DEFAULT_SYNC_SETTINGS;
    await expectError(
      await api.backgroundSettings(jsonRequest('PUT', 'settings', { clientId, settings: missing })),
      'VALIDATION_FAILED',
    );
    await expectError(
      await api.backgroundSettings(
        jsonRequest('PUT', 'settings', {
          clientId,
          settings: { ...DEFAULT_SYNC_SETTINGS, extra: 1 },
        }),
      ),
      'VALIDATION_FAILED',
    );
    await expectError(
      await api.backgroundSettings(
        jsonRequest('PUT', 'settings', { clientId: 'nope', settings: DEFAULT_SYNC_SETTINGS }),
      ),
      'VALIDATION_FAILED',
    );
    await expectError(
      await api.backgroundPause(jsonRequest('POST', 'pause', null, '{"clientId":')),
      'MALFORMED_JSON',
    );
    await expectError(
      await api.backgroundResume(jsonRequest('POST', 'resume', [])),
      'VALIDATION_FAILED',
    );
    await expectError(
      await api.backgroundStart(jsonRequest('POST', 'start', {})),
      'VALIDATION_FAILED',
    );
    await expectError(
      await api.backgroundReport(jsonRequest('POST', 'metrics', { clientId, reports: [] })),
      'VALIDATION_FAILED',
    );
    await expectError(
      await api.backgroundReport(
        jsonRequest('POST', 'metrics', { clientId, reports: [{ ...report(), items: -1 }] }),
      ),
      'VALIDATION_FAILED',
    );
    await expectError(
      await api.backgroundStatus(getRequest('/api/v1/sync/background/status')),
      'VALIDATION_FAILED',
    );
    await expectError(
      await api.backgroundMetrics(
        getRequest(`/api/v1/sync/background/metrics?clientId=${clientId}&windowMinutes=abc`),
      ),
      'VALIDATION_FAILED',
    );
    await expectError(
      await api.backgroundMetrics(
        getRequest(`/api/v1/sync/background/metrics?clientId=${clientId}&windowMinutes=0`),
      ),
      'VALIDATION_FAILED',
    );
  });
});
