import { eq } from 'drizzle-orm';
import {
  describeEachDatabase,
  resetMonitoring,
  startSimSync,
  startWebhookReceiver,
  waitUntil,
} from '@courtsync/server/test-support';
import type { SimSync, WebhookReceiver } from '@courtsync/server/test-support';
import { alerts, syncStatus } from '../db/schema';
import { updateRule } from './alert-rules';
import { setJobActive } from './sync-status';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from './webhook';

const SECRET = 'hook-secret';
const SEC = 1000;

/** The next quarter hour after `t` (the schedules job's ticks). */
function nextQuarter(t: Date): Date {
  const q = 15 * 60 * SEC;
  return new Date((Math.floor(t.getTime() / q) + 1) * q);
}

describeEachDatabase('alerting on the real sync against the simulator', (get) => {
  jest.setTimeout(60_000);
  let receiver: WebhookReceiver;
  let s: SimSync;
  beforeEach(async () => {
    await resetMonitoring(get().db);
    receiver = await startWebhookReceiver();
    s = await startSimSync(get().db, {
      notifier: { webhook: { url: receiver.url, secret: SECRET, backoffMs: 10 } },
    });
  });
  afterEach(async () => {
    await s.close();
    await receiver.close();
  });

  it('a failing schedule endpoint opens one HIGH alert within 5 minutes, signed webhook, CRITICAL; recovery resolves it', async () => {
    const { db } = get();
    const schedules = async () =>
      (await db.select().from(syncStatus).where(eq(syncStatus.job, 'schedules')))[0];
    const failedRuns = async (n: number) => {
      await waitUntil(async () => (await schedules())?.errorCount === n, 20_000, `failure ${n}`);
    };
    const retryWaiting = () => waitUntil(() => s.link.retrying('schedules'), 5000, 'retry');
    // Live results every 30 s are not what this test is about: paused (skipped by the gate).
    await setJobActive(db, 'live-results', false, 'test', s.clock.now());
    // The overall success-rate rule (MEDIUM) would rightly fire too; this is about the
    // consecutive-failures rule and its one webhook.
    await updateRule(db, 'overall-success-rate', { enabled: false }, 'test', s.clock.now());
    s.sim.faults.add({
      protocol: 'vis',
      endpoint: 'GetBeachMatchList',
      kind: 'error',
      status: 503,
    });
    s.sync.scheduler.start();

    const firstTick = nextQuarter(s.clock.now());
    await s.clock.advanceTo(firstTick);
    await failedRuns(1);
    expect((await schedules())?.lastError).toMatch(/503/);
    await retryWaiting();
    await s.clock.advanceTo(new Date(firstTick.getTime() + 30 * SEC));
    await failedRuns(2);
    await retryWaiting();
    expect(await db.select().from(alerts)).toHaveLength(0);
    await s.clock.advanceTo(new Date(firstTick.getTime() + 90 * SEC));
    await failedRuns(3);
    await waitUntil(async () => (await db.select().from(alerts)).length > 0, 5000, 'alert');
    await s.monitoring.monitor.evaluate();
    await s.monitoring.monitor.settled();

    const open = await db.select().from(alerts);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject: 'schedules', severity: 'HIGH', status: 'OPEN' });
    const delay = (open[0]?.openedAt.getTime() ?? Infinity) - firstTick.getTime();
    expect(delay).toBeLessThanOrEqual(5 * 60 * SEC);
    expect(receiver.received).toHaveLength(1);
    const [hook] = receiver.received;
    expect(
      verifyWebhook(
        SECRET,
        String(hook?.headers[TIMESTAMP_HEADER]),
        hook?.body ?? '',
        String(hook?.headers[SIGNATURE_HEADER]),
      ),
    ).toBe(true);
    expect(JSON.parse(hook?.body ?? '{}')).toMatchObject({
      event: 'alert.opened',
      alert: { subject: 'schedules', severity: 'HIGH', ruleId: 'schedules-consecutive-failures' },
    });
    const overview = await s.monitoring.monitor.healthOverview();
    expect(overview.jobs.find((j) => j.job === 'schedules')?.health).toBe('CRITICAL');
    expect(overview.status).toBe('CRITICAL');

    // The provider recovers: the next follow-up run succeeds and the alert resolves.
    s.sim.faults.clear();
    await retryWaiting();
    await s.clock.advanceTo(new Date(firstTick.getTime() + 210 * SEC));
    await waitUntil(async () => (await schedules())?.lastOutcome === 'SUCCESS', 20_000, 'recovery');
    await waitUntil(
      async () => (await db.select().from(alerts))[0]?.status === 'RESOLVED',
      5000,
      'resolve',
    );
    await s.monitoring.monitor.settled();
    expect(receiver.received.map((h) => (JSON.parse(h.body) as { event: string }).event)).toEqual([
      'alert.opened',
      'alert.resolved',
    ]);
    expect(
      (await s.monitoring.monitor.healthOverview()).jobs.find((j) => j.job === 'schedules')?.health,
    ).toBe('HEALTHY');
  });
});
