import {
  API,
  healthOverviewSchema,
  performanceHistorySchema,
  syncErrorListSchema,
} from '@courtsync/protocol';
import { sql } from 'drizzle-orm';
import {
  adminRequest,
  describeEachDatabase,
  insertExecutions,
  resetMonitoring,
  runReport,
  TEST_ADMIN_TOKEN,
  TestClock,
  testApi,
  testMonitoring,
} from '@courtsync/server/test-support';
import type { ApiHandlers } from './api-handlers';

const NOW = '2031-05-10T12:30:00Z';

/** Execution rows and their hand-computed figures (see the expectations below). */
const FIXTURE = [
  {
    job: 'tournaments',
    finishedAt: '2031-05-10T10:10:00Z',
    seconds: 10,
    status: 'success',
    records: 100,
  },
  {
    job: 'tournaments',
    finishedAt: '2031-05-10T10:40:00Z',
    seconds: 30,
    status: 'failed',
    records: 0,
  },
  {
    job: 'tournaments',
    finishedAt: '2031-05-10T11:05:00Z',
    seconds: 20,
    status: 'success',
    records: 50,
  },
  {
    job: 'schedules',
    finishedAt: '2031-05-10T11:15:00Z',
    seconds: 5,
    status: 'success',
    records: 7,
  },
  {
    job: 'schedules',
    finishedAt: '2031-05-10T11:45:00Z',
    seconds: 15,
    status: 'partial',
    records: 3,
  },
  {
    job: 'schedules',
    finishedAt: '2031-05-10T12:20:00Z',
    seconds: 40,
    status: 'failed',
    records: 0,
  },
  // Before the 24 h chart window (13:00 yesterday) but inside "the last 24 h" (12:30).
  {
    job: 'tournaments',
    finishedAt: '2031-05-09T12:59:00Z',
    seconds: 10,
    status: 'success',
    records: 999,
  },
  {
    job: 'tournaments',
    finishedAt: '2031-05-10T12:25:00Z',
    seconds: 5,
    status: 'running',
    records: 0,
  },
] as const;

describeEachDatabase('monitoring API', (get) => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.ADMIN_TOKEN;
    process.env.ADMIN_TOKEN = TEST_ADMIN_TOKEN;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.ADMIN_TOKEN;
    else process.env.ADMIN_TOKEN = saved;
  });
  beforeEach(() => resetMonitoring(get().db));

  const json = async (response: Promise<Response>) => {
    const r = await response;
    return { status: r.status, body: (await r.json()) as unknown };
  };

  it('success rate, durations, records and errors match a hand-computed fixture', async () => {
    const { db } = get();
    await db.execute(
      sql`truncate sync_tournament_results, sync_executions restart identity cascade`,
    );
    await insertExecutions(db, FIXTURE);
    const clock = new TestClock('2031-05-10T10:40:00Z');
    const monitoring = testMonitoring(db, clock);
    // The runner's failures of those runs, as logged through the run hook.
    await monitoring.monitor.runFinished(
      runReport('tournaments', clock, 'FAILED', {
        errors: [
          { type: 'API', message: 'HTTP 500' },
          { type: 'API', message: 'HTTP 502' },
        ],
      }),
    );
    clock.advance(65 * 60_000); // 11:45
    await monitoring.monitor.runFinished(
      runReport('schedules', clock, 'PARTIAL', { errors: [{ type: 'VALIDATION', message: 'x' }] }),
    );
    clock.advance(35 * 60_000); // 12:20
    await monitoring.monitor.runFinished(
      runReport('schedules', clock, 'FAILED', { errors: [{ type: 'NETWORK', message: 'reset' }] }),
    );
    clock.advance(10 * 60_000); // 12:30
    expect(clock.now().toISOString()).toBe(new Date(NOW).toISOString());
    const { api } = testApi(db, { monitoring });

    const all = performanceHistorySchema.parse(
      (await json(api.performanceHistory(adminRequest(`${API.performanceHistory}?period=24h`))))
        .body,
    );
    expect(all.from).toBe('2031-05-09T13:00:00.000Z');
    expect(all.to).toBe('2031-05-10T13:00:00.000Z');
    expect(all.totals).toEqual({
      runs: 6,
      successes: 3,
      failures: 3,
      successRate: 50,
      avgDurationMs: 20_000,
      p95DurationMs: 40_000,
      records: 160,
      errorsByType: { API: 2, VALIDATION: 1, NETWORK: 1 },
    });
    expect(all.buckets).toHaveLength(24);
    expect(
      all.buckets
        .slice(21)
        .map((b) => [
          b.start,
          b.runs,
          b.successRate,
          b.avgDurationMs,
          b.maxDurationMs,
          b.records,
          b.errorsByType,
        ]),
    ).toEqual([
      ['2031-05-10T10:00:00.000Z', 2, 50, 20_000, 30_000, 100, { API: 2 }],
      ['2031-05-10T11:00:00.000Z', 3, 66.67, 13_333, 20_000, 60, { VALIDATION: 1 }],
      ['2031-05-10T12:00:00.000Z', 1, 0, 40_000, 40_000, 0, { NETWORK: 1 }],
    ]);
    expect(all.buckets.slice(0, 21).every((b) => b.runs === 0 && b.successRate === null)).toBe(
      true,
    );

    const tournaments = performanceHistorySchema.parse(
      (
        await json(
          api.performanceHistory(
            adminRequest(`${API.performanceHistory}?period=24h&entity=tournaments`),
          ),
        )
      ).body,
    );
    expect(tournaments.totals).toMatchObject({
      runs: 3,
      successes: 2,
      successRate: 66.67,
      avgDurationMs: 20_000,
      p95DurationMs: 30_000,
      records: 150,
      errorsByType: { API: 2 },
    });
    const week = performanceHistorySchema.parse(
      (await json(api.performanceHistory(adminRequest(`${API.performanceHistory}?period=7d`))))
        .body,
    );
    expect(week.buckets).toHaveLength(28);
    expect(week.totals).toMatchObject({ runs: 7, successes: 4, records: 1159 });

    const overview = healthOverviewSchema.parse(
      (await json(api.healthOverview(adminRequest(API.healthOverview)))).body,
    );
    const rate = (job: string) => overview.jobs.find((j) => j.job === job)?.successRate24h;
    expect(rate('tournaments')).toBe(75); // 3 of 4 since 12:30 yesterday
    expect(rate('schedules')).toBe(33.33);
    expect(rate('presto-full')).toBeNull();
    // The overall rule (< 95 % over 24 h) opened with the 10:40 run (2 of 3) and, never
    // acknowledged, escalated at 11:45 and again at 12:20 (15 min delay each).
    expect(
      overview.activeAlerts.map((a) => [a.ruleId, a.subject, a.severity, a.escalationLevel]),
    ).toEqual([['overall-success-rate', 'overall', 'CRITICAL', 2]]);
    expect(overview.activeAlerts[0]?.openedAt).toBe('2031-05-10T10:40:00.000Z');
    expect(overview.status).toBe('CRITICAL');
    expect(overview.errorsByType24h).toEqual({ API: 2, VALIDATION: 1, NETWORK: 1 });
  });

  it("GET /api/health reports the database, the scheduler and the age of every job's last run", async () => {
    const { db } = get();
    const clock = new TestClock();
    const monitoring = testMonitoring(db, clock);
    await monitoring.monitor.runFinished(runReport('schedules', clock, 'SUCCESS'));
    await monitoring.monitor.runStarted('tournaments', clock.now());
    clock.advance(90_000);
    const { api } = testApi(db, { monitoring });
    const response = await api.health(adminRequest(API.health, { token: null }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 'ok',
      scheduler: { running: false },
      jobs: {
        schedules: { active: true, lastOutcome: 'SUCCESS', lastRunAgeSeconds: 91 },
        tournaments: { lastOutcome: null, lastRunAgeSeconds: 90 },
      },
    });
  });

  it('answers 400 on bad input, never 500', async () => {
    const { db } = get();
    const { api } = testApi(db, { monitoring: testMonitoring(db, new TestClock()) });
    const bad: [string, Promise<Response>][] = [
      ['period', api.performanceHistory(adminRequest(`${API.performanceHistory}?period=1y`))],
      [
        'entity',
        api.performanceHistory(adminRequest(`${API.performanceHistory}?entity=DROP%20TABLE`)),
      ],
      ['error filter', api.listSyncErrors(adminRequest(`${API.syncErrors}?type=BOGUS`))],
      ['alert id', api.acknowledgeAlert(adminRequest('/x', { body: {} }), 'abc')],
      ['resolve notes', api.resolveSyncError(adminRequest('/x', { body: { notes: '' } }), '1')],
      [
        'trigger body',
        api.manualTrigger(
          adminRequest(API.manualTrigger, { body: { entity_type: 'tournaments' } }),
        ),
      ],
      [
        'trigger job',
        api.manualTrigger(
          adminRequest(API.manualTrigger, {
            body: { entity_type: 'nope', reason: 'why not', priority: 'EMERGENCY' },
          }),
        ),
      ],
      [
        'trigger priority',
        api.manualTrigger(
          adminRequest(API.manualTrigger, {
            body: { entity_type: 'tournaments', reason: 'why not', priority: 'ASAP' },
          }),
        ),
      ],
      [
        'rule update',
        api.updateAlertRule(
          adminRequest('/x', { method: 'PUT', body: { threshold: -1 } }),
          'memory',
        ),
      ],
      ['trigger id', api.manualTriggerStatus(adminRequest('/x'), 'not-an-id')],
    ];
    for (const [what, response] of bad) {
      const r = await json(response);
      expect([what, r.status, (r.body as { error: { code: string } }).error.code]).toEqual([
        what,
        400,
        'VALIDATION_FAILED',
      ]);
    }
    expect((await json(api.acknowledgeAlert(adminRequest('/x', { body: {} }), '999'))).status).toBe(
      404,
    );
    expect((await json(api.pauseJob(adminRequest('/x', { body: {} }), 'nope'))).status).toBe(404);
  });

  it('lists, filters and resolves the error log', async () => {
    const { db } = get();
    const clock = new TestClock();
    const monitoring = testMonitoring(db, clock);
    await monitoring.monitor.runFinished(runReport('schedules', clock, 'FAILED'));
    await monitoring.monitor.runFinished(
      runReport('tournaments', clock, 'PARTIAL', { errors: [{ type: 'AUTH', message: '401' }] }),
    );
    const { api } = testApi(db, { monitoring });
    const list = async (q: string) =>
      syncErrorListSchema.parse(
        (await json(api.listSyncErrors(adminRequest(`${API.syncErrors}${q}`)))).body,
      ).errors;
    expect((await list('')).map((e) => e.type).sort()).toEqual(['API', 'AUTH']);
    const [auth] = await list('?type=AUTH&severity=HIGH');
    expect(auth).toMatchObject({ job: 'tournaments', resolved: false });
    expect(auth?.recoverySuggestion).toMatch(/credentials/);
    const resolved = await json(
      api.resolveSyncError(
        adminRequest('/x', { body: { notes: 'new key set' } }),
        String(auth?.id),
      ),
    );
    expect(resolved.body).toMatchObject({
      resolved: true,
      resolvedBy: 'admin',
      resolutionNotes: 'new key set',
    });
    expect((await list('?resolved=false')).map((e) => e.type)).toEqual(['API']);
    expect((await list('?job=tournaments&resolved=true')).map((e) => e.type)).toEqual(['AUTH']);
  });
});

/** Every admin route of the API with a harmless request. */
function adminCalls(api: ApiHandlers, token: string | null): [string, Promise<Response>][] {
  const r = (path: string, body?: unknown, method?: string) =>
    adminRequest(path, { token, body, method });
  return [
    ['healthOverview', api.healthOverview(r(API.healthOverview))],
    ['performanceHistory', api.performanceHistory(r(API.performanceHistory))],
    ['tournamentSync', api.tournamentSync(r(API.tournamentSync))],
    ['listAlerts', api.listAlerts(r(API.alerts))],
    ['acknowledgeAlert', api.acknowledgeAlert(r(API.acknowledgeAlert(1), {}), '1')],
    ['listSyncErrors', api.listSyncErrors(r(API.syncErrors))],
    ['resolveSyncError', api.resolveSyncError(r(API.resolveSyncError(1), { notes: 'x' }), '1')],
    [
      'manualTrigger',
      api.manualTrigger(
        r(API.manualTrigger, { entity_type: 'tournaments', reason: 'test', priority: 'EMERGENCY' }),
      ),
    ],
    [
      'manualTriggerStatus',
      api.manualTriggerStatus(
        r(API.manualTriggerRun('01J0000000000000000000000')),
        '01J0000000000000000000000',
      ),
    ],
    ['auditLog', api.auditLog(r(API.auditLog))],
    ['listAlertRules', api.listAlertRules(r(API.alertRules))],
    [
      'updateAlertRule',
      api.updateAlertRule(r(API.alertRule('memory'), { threshold: 1 }, 'PUT'), 'memory'),
    ],
    ['pauseJob', api.pauseJob(r(API.pauseJob('schedules'), {}), 'schedules')],
    ['resumeJob', api.resumeJob(r(API.resumeJob('schedules'), {}), 'schedules')],
  ];
}

describeEachDatabase('admin APIs refuse non-admins', (get) => {
  const saved = process.env.ADMIN_TOKEN;
  beforeAll(() => {
    process.env.ADMIN_TOKEN = TEST_ADMIN_TOKEN;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.ADMIN_TOKEN;
    else process.env.ADMIN_TOKEN = saved;
  });

  it('403 FORBIDDEN for a non-admin, 401 without credentials, on every admin route', async () => {
    const { db } = get();
    const { api } = testApi(db, { monitoring: testMonitoring(db, new TestClock()) });
    for (const [token, status, code] of [
      ['scorekeeper-token', 403, 'FORBIDDEN'],
      [null, 401, 'AUTH_REQUIRED'],
    ] as const) {
      for (const [route, pending] of adminCalls(api, token)) {
        const response = await pending;
        const body = (await response.json()) as { error: { code: string } };
        expect([route, response.status, body.error.code]).toEqual([route, status, code]);
      }
    }
    // Nothing happened on the way: no trigger queued, no job paused.
    const audit = await api.auditLog(adminRequest(API.auditLog));
    expect(((await audit.json()) as { triggers: unknown[] }).triggers).toEqual([]);
  });

  it('closes the admin APIs when the server has no ADMIN_TOKEN', async () => {
    const { db } = get();
    delete process.env.ADMIN_TOKEN;
    try {
      const { api } = testApi(db, { monitoring: testMonitoring(db, new TestClock()) });
      expect((await api.healthOverview(adminRequest(API.healthOverview))).status).toBe(403);
    } finally {
      process.env.ADMIN_TOKEN = TEST_ADMIN_TOKEN;
    }
  });
});
