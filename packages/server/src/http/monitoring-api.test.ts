import {
  API,
  healthOverviewSchema,
  performanceHistorySchema,
  syncErrorListSchema,
} from '@courtsync/protocol';
import { eq, sql } from 'drizzle-orm';
import {
  adminRequest,
  apiRequest,
  DEMO,
  describeEachDatabase,
  insertExecutions,
  requestsAs,
  resetMonitoring,
  runReport,
  signIn,
  TestClock,
  testApi,
  testMonitoring,
  type TestSession,
} from '@courtsync/server/test-support';
import { alertRules } from '../db/schema';
import { issueAccessToken } from '../services/auth/access-token';
import { signingKey } from '../services/auth/signing-key';
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
  // Every admin call is made as the signed-in demo admin (F21), as the dashboard makes them.
  let as: ReturnType<typeof requestsAs>;
  beforeAll(async () => {
    as = requestsAs(await signIn(testApi(get().db).api, DEMO.admin));
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
      (await json(api.performanceHistory(as(`${API.performanceHistory}?period=24h`)))).body,
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
          api.performanceHistory(as(`${API.performanceHistory}?period=24h&entity=tournaments`)),
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
      (await json(api.performanceHistory(as(`${API.performanceHistory}?period=7d`)))).body,
    );
    expect(week.buckets).toHaveLength(28);
    expect(week.totals).toMatchObject({ runs: 7, successes: 4, records: 1159 });

    const overview = healthOverviewSchema.parse(
      (await json(api.healthOverview(as(API.healthOverview)))).body,
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
      ['period', api.performanceHistory(as(`${API.performanceHistory}?period=1y`))],
      ['entity', api.performanceHistory(as(`${API.performanceHistory}?entity=DROP%20TABLE`))],
      ['error filter', api.listSyncErrors(as(`${API.syncErrors}?type=BOGUS`))],
      ['alert id', api.acknowledgeAlert(as('/x', { body: {} }), 'abc')],
      ['resolve notes', api.resolveSyncError(as('/x', { body: { notes: '' } }), '1')],
      [
        'trigger body',
        api.manualTrigger(as(API.manualTrigger, { body: { entity_type: 'tournaments' } })),
      ],
      [
        'trigger job',
        api.manualTrigger(
          as(API.manualTrigger, {
            body: { entity_type: 'nope', reason: 'why not', priority: 'EMERGENCY' },
          }),
        ),
      ],
      [
        'trigger priority',
        api.manualTrigger(
          as(API.manualTrigger, {
            body: { entity_type: 'tournaments', reason: 'why not', priority: 'ASAP' },
          }),
        ),
      ],
      [
        'rule update',
        api.updateAlertRule(as('/x', { method: 'PUT', body: { threshold: -1 } }), 'memory'),
      ],
      ['trigger id', api.manualTriggerStatus(as('/x'), 'not-an-id')],
    ];
    for (const [what, response] of bad) {
      const r = await json(response);
      expect([what, r.status, (r.body as { error: { code: string } }).error.code]).toEqual([
        what,
        400,
        'VALIDATION_FAILED',
      ]);
    }
    expect((await json(api.acknowledgeAlert(as('/x', { body: {} }), '999'))).status).toBe(404);
    expect((await json(api.pauseJob(as('/x', { body: {} }), 'nope'))).status).toBe(404);
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
      syncErrorListSchema.parse((await json(api.listSyncErrors(as(`${API.syncErrors}${q}`)))).body)
        .errors;
    expect((await list('')).map((e) => e.type).sort()).toEqual(['API', 'AUTH']);
    const [auth] = await list('?type=AUTH&severity=HIGH');
    expect(auth).toMatchObject({ job: 'tournaments', resolved: false });
    expect(auth?.recoverySuggestion).toMatch(/credentials/);
    const resolved = await json(
      api.resolveSyncError(as('/x', { body: { notes: 'new key set' } }), String(auth?.id)),
    );
    expect(resolved.body).toMatchObject({
      resolved: true,
      resolvedBy: DEMO.admin,
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

/** Sign-in required (as deployed), no rate limits (the suites below make many calls). */
const REQUIRED = { auth: { mode: 'required' as const }, rateLimits: { store: 'off' as const } };
const METRICS_TOKEN = 'metrics-scraper-token-0123456789';

describeEachDatabase('admin APIs admit signed-in admins only', (get) => {
  let api: ApiHandlers;
  let admin: TestSession;
  beforeAll(async () => {
    const { db } = get();
    api = testApi(db, {
      ...REQUIRED,
      auth: { ...REQUIRED.auth, metricsToken: METRICS_TOKEN },
      monitoring: testMonitoring(db, new TestClock()),
    }).api;
    admin = await signIn(api, DEMO.admin);
  });
  beforeEach(() => resetMonitoring(get().db));

  /** Every admin route answers `token` with `status` and error `code`. */
  const expectEveryRoute = async (token: string | null, status: number, code: string) => {
    for (const [route, pending] of adminCalls(api, token)) {
      const response = await pending;
      const body = (await response.json()) as { error?: { code: string } };
      expect([route, response.status, body.error?.code]).toEqual([route, status, code]);
    }
  };

  it('403 FORBIDDEN for every signed-in non-admin, 401 without credentials, on every admin route', async () => {
    for (const who of [DEMO.scorer1, DEMO.coach, DEMO.media, DEMO.fan]) {
      const session = await signIn(api, who);
      expect(session.user.role).not.toBe('admin');
      await expectEveryRoute(session.accessToken, 403, 'FORBIDDEN');
    }
    await expectEveryRoute(null, 401, 'AUTH_REQUIRED');
    // Nothing happened on the way: no trigger queued, no rule changed, no job paused.
    const as = requestsAs(admin);
    const audit = await api.auditLog(as(API.auditLog));
    expect(audit.status).toBe(200);
    expect(((await audit.json()) as { triggers: unknown[] }).triggers).toEqual([]);
    const rules = (await (await api.listAlertRules(as(API.alertRules))).json()) as {
      rules: { id: string; threshold: number }[];
    };
    expect(rules.rules.find((r) => r.id === 'memory')?.threshold).toBe(1024);
    const overview = healthOverviewSchema.parse(
      await (await api.healthOverview(as(API.healthOverview))).json(),
    );
    expect(overview.jobs.find((j) => j.job === 'schedules')?.active).toBe(true);
  });

  it('refuses a former static admin token, an expired or signed-out admin token, and the METRICS_TOKEN with 401', async () => {
    const { db } = get();
    // ADMIN_TOKEN is gone: a static token is just a malformed access token now.
    await expectEveryRoute('test-admin-token', 401, 'TOKEN_INVALID');
    // The scraper's token opens /api/metrics and nothing else.
    await expectEveryRoute(METRICS_TOKEN, 401, 'TOKEN_INVALID');
    expect((await api.metrics(adminRequest(API.metrics, { token: METRICS_TOKEN }))).status).toBe(
      200,
    );
    // An admin's token that expired a minute ago (signed with the server's key).
    const expired = await issueAccessToken(
      await signingKey(db),
      { userId: admin.user.id, role: 'admin', sessionId: 'x' },
      60,
      new Date(Date.now() - 120_000),
    );
    await expectEveryRoute(expired.token, 401, 'TOKEN_EXPIRED');
    // An admin who signed out: their access token ends with the session.
    const gone = await signIn(api, DEMO.admin);
    const logout = await api.logout(
      apiRequest('POST', API.logout, undefined, { cookie: gone.cookie }),
    );
    expect(logout.status).toBe(204);
    await expectEveryRoute(gone.accessToken, 401, 'TOKEN_INVALID');
  });

  it("admits the admin's browser cookie as well as the Bearer token, and records the admin's e-mail", async () => {
    const { db } = get();
    const viaCookie = await api.healthOverview(
      apiRequest('GET', API.healthOverview, undefined, { cookie: admin.cookie }),
    );
    expect(viaCookie.status).toBe(200);
    const update = await api.updateAlertRule(
      apiRequest('PUT', API.alertRule('memory'), { threshold: 768 }, { cookie: admin.cookie }),
      'memory',
    );
    expect(update.status).toBe(200);
    const [rule] = await db
      .select({ threshold: alertRules.threshold, updatedBy: alertRules.updatedBy })
      .from(alertRules)
      .where(eq(alertRules.id, 'memory'));
    expect(rule).toEqual({ threshold: 768, updatedBy: DEMO.admin });
    const paused = await api.pauseJob(
      requestsAs(admin)(API.pauseJob('schedules'), { body: {} }),
      'schedules',
    );
    expect(paused.status).toBe(200);
  });
});
