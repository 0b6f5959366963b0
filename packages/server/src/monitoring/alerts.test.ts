import { asc, eq } from 'drizzle-orm';
import {
  describeEachDatabase,
  resetMonitoring,
  runReport,
  startWebhookReceiver,
  TestClock,
  testMonitoring,
} from '@courtsync/server/test-support';
import type { WebhookReceiver } from '@courtsync/server/test-support';
import { alertDeliveries, alerts, syncErrors, syncStatus } from '../db/schema';
import { acknowledgeAlert } from './alert-engine';
import { updateRule } from './alert-rules';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from './webhook';

const SECRET = 'webhook-secret';
const MIN = 60_000;

describeEachDatabase('alerts', (get) => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    await resetMonitoring(get().db);
    receiver = await startWebhookReceiver();
  });
  afterEach(() => receiver.close());

  const setup = () => {
    const clock = new TestClock();
    const runtime = testMonitoring(get().db, clock, {
      webhook: { url: receiver.url, secret: SECRET, backoffMs: 5 },
    });
    return { clock, monitor: runtime.monitor };
  };
  const hooks = () =>
    receiver.received.map((h) => {
      const ok = verifyWebhook(
        SECRET,
        String(h.headers[TIMESTAMP_HEADER]),
        h.body,
        String(h.headers[SIGNATURE_HEADER]),
      );
      return {
        ok,
        ...(JSON.parse(h.body) as { event: string; alert: { subject: string; severity: string } }),
      };
    });

  it('3 failed runs in a row open one HIGH alert, signed once, CRITICAL job; recovery resolves', async () => {
    const { db } = get();
    const { clock, monitor } = setup();
    const health = async () =>
      (await monitor.healthOverview()).jobs.find((j) => j.job === 'schedules')?.health;

    await monitor.runFinished(runReport('schedules', clock, 'FAILED'));
    clock.advance(MIN);
    await monitor.runFinished(runReport('schedules', clock, 'FAILED'));
    expect(await db.select().from(alerts)).toHaveLength(0);
    expect(await health()).toBe('WARNING');

    clock.advance(MIN);
    await monitor.runFinished(runReport('schedules', clock, 'FAILED'));
    // More failures and timer ticks: still the one alert, notified once.
    clock.advance(MIN);
    await monitor.runFinished(runReport('schedules', clock, 'FAILED'));
    await monitor.evaluate();
    await monitor.settled();
    const open = await db.select().from(alerts);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      ruleId: 'schedules-consecutive-failures',
      subject: 'schedules',
      severity: 'HIGH',
      status: 'OPEN',
      value: 4,
    });
    expect(hooks()).toEqual([
      expect.objectContaining({
        ok: true,
        event: 'alert.opened',
        alert: expect.objectContaining({ subject: 'schedules', severity: 'HIGH' }),
      }),
    ]);
    const overview = await monitor.healthOverview();
    expect(overview.status).toBe('CRITICAL');
    expect(overview.jobs.find((j) => j.job === 'schedules')).toMatchObject({
      health: 'CRITICAL',
      consecutiveFailures: 4,
      errorCount: 4,
    });
    expect(overview.activeAlerts.map((a) => a.ruleId)).toEqual(['schedules-consecutive-failures']);

    clock.advance(MIN);
    await monitor.runFinished(runReport('schedules', clock, 'SUCCESS', { records: 12 }));
    await monitor.settled();
    const [resolved] = await db.select().from(alerts);
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedAt: clock.now() });
    expect(hooks().map((h) => [h.ok, h.event])).toEqual([
      [true, 'alert.opened'],
      [true, 'alert.resolved'],
    ]);
    expect(await health()).toBe('HEALTHY');
    const deliveries = await db.select().from(alertDeliveries).orderBy(asc(alertDeliveries.id));
    expect(deliveries.map((d) => [d.channel, d.event, d.ok])).toEqual([
      ['webhook', 'opened', true],
      ['webhook', 'resolved', true],
    ]);
  });

  it('keeps sync_status and the error log accurate, with severity and a recovery suggestion', async () => {
    const { db } = get();
    const { clock, monitor } = setup();
    await monitor.runStarted(
      'tournaments',
      clock.now(),
      new Date(clock.now().getTime() + 60 * MIN),
    );
    let [row] = await db.select().from(syncStatus).where(eq(syncStatus.job, 'tournaments'));
    expect(row).toMatchObject({ running: true, lastRunAt: clock.now() });
    await monitor.runFinished(
      runReport('tournaments', clock, 'SUCCESS', { ms: 2000, records: 10 }),
    );
    clock.advance(MIN);
    await monitor.runFinished(runReport('tournaments', clock, 'FAILED', { ms: 4000 }));
    clock.advance(MIN);
    await monitor.runFinished(
      runReport('tournaments', clock, 'PARTIAL', {
        ms: 6000,
        records: 5,
        errors: [{ type: 'VALIDATION', message: 'bad date', tournamentNo: '501' }],
      }),
    );
    [row] = await db.select().from(syncStatus).where(eq(syncStatus.job, 'tournaments'));
    expect(row).toMatchObject({
      running: false,
      successCount: 1,
      errorCount: 2,
      consecutiveFailures: 0,
      lastOutcome: 'PARTIAL',
      lastError: 'bad date',
      lastErrorAt: clock.now(),
      lastDurationMs: 6000,
      avgDurationMs: 4000,
      recordsLast: 5,
      recordsTotal: 15,
    });
    const errors = await db.select().from(syncErrors).orderBy(asc(syncErrors.id));
    expect(errors.map((e) => [e.errorType, e.severity, e.tournamentNo])).toEqual([
      ['API', 'MEDIUM', null],
      ['VALIDATION', 'LOW', '501'],
    ]);
    expect(errors[0]?.context).toMatchObject({ responseStatus: 503 });
    expect(errors[0]?.recoverySuggestion).toMatch(/HTTP 503/);
    expect(errors[1]?.recoverySuggestion).toMatch(/tournament 501/);
  });

  it('escalates an unacknowledged alert after its delay, once per delay; acknowledging stops it', async () => {
    const { db } = get();
    const { clock, monitor } = setup();
    for (let i = 0; i < 3; i += 1) {
      await monitor.runFinished(runReport('tournaments', clock, 'FAILED'));
      clock.advance(MIN);
    }
    // Opened with the third failure, one minute ago: 14 minutes later it is not due yet.
    clock.advance(13 * MIN);
    await monitor.evaluate();
    expect((await db.select().from(alerts))[0]).toMatchObject({
      severity: 'HIGH',
      escalationLevel: 0,
    });
    clock.advance(MIN);
    await monitor.evaluate();
    await monitor.evaluate();
    const [escalated] = await db.select().from(alerts);
    expect(escalated).toMatchObject({ severity: 'CRITICAL', escalationLevel: 1 });
    await acknowledgeAlert(db, escalated?.id ?? 0, 'admin', 'on it', clock.now());
    clock.advance(60 * MIN);
    await monitor.evaluate();
    await monitor.settled();
    expect((await db.select().from(alerts))[0]).toMatchObject({
      status: 'ACKNOWLEDGED',
      escalationLevel: 1,
      acknowledgedBy: 'admin',
    });
    expect(hooks().map((h) => h.event)).toEqual(['alert.opened', 'alert.escalated']);
  });

  it('follows edited rules: a higher threshold holds the alert back, disabling resolves it', async () => {
    const { db } = get();
    const { clock, monitor } = setup();
    await updateRule(db, 'schedules-consecutive-failures', { threshold: 4 }, 'admin', clock.now());
    for (let i = 0; i < 3; i += 1)
      await monitor.runFinished(runReport('schedules', clock, 'FAILED'));
    expect(await db.select().from(alerts)).toHaveLength(0);
    await monitor.runFinished(runReport('schedules', clock, 'FAILED'));
    expect(await db.select().from(alerts)).toHaveLength(1);
    await updateRule(
      db,
      'schedules-consecutive-failures',
      { enabled: false },
      'admin',
      clock.now(),
    );
    await monitor.evaluate();
    expect((await db.select().from(alerts))[0]?.status).toBe('RESOLVED');
  });

  it('duration and memory rules read the last run and the process', async () => {
    const { db } = get();
    const clock = new TestClock();
    const { monitor } = testMonitoring(db, clock);
    await monitor.runFinished(runReport('tournaments', clock, 'SUCCESS', { ms: 301_000 }));
    const [slow] = await db.select().from(alerts);
    expect(slow).toMatchObject({ ruleId: 'tournaments-duration', severity: 'MEDIUM', value: 301 });
    expect((await monitor.healthOverview()).jobs.find((j) => j.job === 'tournaments')?.health).toBe(
      'WARNING',
    );
  });
});
