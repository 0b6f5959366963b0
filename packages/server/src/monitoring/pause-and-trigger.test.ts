import { API } from '@courtsync/protocol';
import { asc, count, eq, sql } from 'drizzle-orm';
import {
  DEMO,
  describeEachDatabase,
  requestsAs,
  resetMonitoring,
  signIn,
  startSimSync,
  testApi,
  waitUntil,
} from '@courtsync/server/test-support';
import type { SimSync } from '@courtsync/server/test-support';
import { manualTriggers, syncExecutions, syncTournamentResults } from '../db/schema';

describeEachDatabase('pause, resume and manual runs on the real runner', (get) => {
  jest.setTimeout(60_000);
  let s: SimSync;
  // The admin calls are made as the signed-in demo admin (F21), as the dashboard makes them.
  let as: ReturnType<typeof requestsAs>;
  beforeAll(async () => {
    as = requestsAs(await signIn(testApi(get().db).api, DEMO.admin));
  });
  beforeEach(async () => {
    await resetMonitoring(get().db);
    await get().db.execute(
      sql`truncate sync_tournament_results, sync_executions, sync_job_slots restart identity cascade`,
    );
    s = await startSimSync(get().db);
  });
  afterEach(() => s.close());

  const runsOf = async (job: string) => {
    const [row] = await get()
      .db.select({ n: count() })
      .from(syncExecutions)
      .where(eq(syncExecutions.jobName, job));
    return row?.n ?? 0;
  };

  it('no scheduled run happens while a job is paused; resume restarts them', async () => {
    const { db } = get();
    const { api } = testApi(db, { monitoring: s.monitoring });
    const post = (path: string, job: string, pause: boolean) =>
      (pause ? api.pauseJob : api.resumeJob)(as(path, { body: {} }), job);
    // Only the 30-second live-results job matters here; the others are paused throughout.
    for (const job of ['tournaments', 'schedules']) {
      expect((await post(API.pauseJob(job), job, true)).status).toBe(200);
    }
    expect((await post(API.pauseJob('live-results'), 'live-results', true)).status).toBe(200);
    s.sync.scheduler.start();
    const start = s.clock.now().getTime();
    // 10 minutes of clock: 20 live-results ticks, none of them run.
    for (let t = 1; t <= 20; t += 1) await s.clock.advanceTo(new Date(start + t * 30_000));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await runsOf('live-results')).toBe(0);
    const overview = await s.monitoring.monitor.healthOverview();
    expect(overview.jobs.find((j) => j.job === 'live-results')).toMatchObject({
      active: false,
      health: 'WARNING',
    });

    expect((await post(API.resumeJob('live-results'), 'live-results', false)).status).toBe(200);
    for (let t = 21; t <= 24; t += 1) {
      await s.clock.advanceTo(new Date(start + t * 30_000));
      // Each tick's run finishes before the next tick (else the overlap guard would skip it).
      await waitUntil(
        async () =>
          (await runsOf('live-results')) >= t - 20 && !s.sync.runner.isRunning('live-results'),
      );
    }
    expect(await runsOf('live-results')).toBe(4);
    expect(await runsOf('schedules')).toBe(0);
  });

  it('a manual EMERGENCY sync of one tournament runs before queued NORMAL ones, with progress and an audit row', async () => {
    const { db } = get();
    const { api } = testApi(db, { monitoring: s.monitoring });
    const today = new Date().toISOString().slice(0, 10);
    const [running] = [...s.sim.season.tournaments.values()].filter(
      (t) => t.startDate <= today && today <= t.endDate,
    );
    expect(running).toBeDefined();
    const trigger = async (body: Record<string, unknown>) => {
      const response = await api.manualTrigger(as(API.manualTrigger, { body }));
      expect(response.status).toBe(202);
      return (await response.json()) as { sync_job_id: string; status: string; progress: number };
    };
    // Hold the queue: a long tournaments run first (the sim answers its list slowly).
    s.sim.faults.add({
      protocol: 'vis',
      endpoint: 'GetBeachTournamentList',
      kind: 'latency',
      latencyMs: 800,
      times: 1,
    });
    const first = await trigger({ entity_type: 'tournaments', priority: 'LOW', reason: 'warm up' });
    await waitUntil(
      async () =>
        (await db.select().from(manualTriggers).where(eq(manualTriggers.id, first.sync_job_id)))[0]
          ?.status === 'RUNNING',
    );
    const normal = await trigger({
      entity_type: 'schedules',
      priority: 'NORMAL',
      reason: 'routine check',
    });
    const emergency = await trigger({
      entity_type: 'schedules',
      tournament_no: String(running?.no),
      priority: 'EMERGENCY',
      reason: 'court 3 moved, referee says the schedule is wrong',
    });
    expect(emergency).toMatchObject({ status: 'QUEUED', progress: 0 });
    await s.monitoring.queue.idle();

    const rows = await db.select().from(manualTriggers).orderBy(asc(manualTriggers.startedAt));
    expect(rows.map((r) => r.id)).toEqual([
      first.sync_job_id,
      emergency.sync_job_id,
      normal.sync_job_id,
    ]);
    const status = await api.manualTriggerStatus(
      as(API.manualTriggerRun(emergency.sync_job_id)),
      emergency.sync_job_id,
    );
    expect(await status.json()).toMatchObject({
      sync_job_id: emergency.sync_job_id,
      status: 'SUCCEEDED',
      progress: 100,
      audit: {
        job: 'schedules',
        tournamentNo: String(running?.no),
        priority: 'EMERGENCY',
        requestedBy: DEMO.admin,
        reason: 'court 3 moved, referee says the schedule is wrong',
        outcome: 'SUCCESS',
      },
    });
    const audit = rows.find((r) => r.id === emergency.sync_job_id);
    expect(audit?.recordsProcessed).toBeGreaterThan(0);
    expect(audit?.progressMessage).toMatch(new RegExp(`tournament ${running?.no}`));
    // One tournament only: its execution has exactly one per-tournament result.
    const results = await db
      .select()
      .from(syncTournamentResults)
      .where(eq(syncTournamentResults.executionId, Number(audit?.executionId)));
    expect(results.map((r) => r.providerNo)).toEqual([String(running?.no)]);
    const log = await api.auditLog(as(API.auditLog));
    const { triggers } = (await log.json()) as { triggers: { id: string }[] };
    expect(triggers.map((t) => t.id)).toEqual(
      expect.arrayContaining([emergency.sync_job_id, normal.sync_job_id]),
    );
  });
});
