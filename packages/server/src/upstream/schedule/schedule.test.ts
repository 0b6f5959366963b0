import {
  describeEachDatabase,
  resetUpstreamData,
  startTestSim,
  testSync,
} from '@courtsync/server/test-support';
import type { UpstreamSim } from '@courtsync/upstream-sim';
import { upstreamConfigFromEnv } from '../config';
import type { JobName, RunTrigger, SyncJob } from '../runner/job-types';
import { ManualClock } from './clock';
import { nextRunAfter, nextRuns } from './cron';
import { Scheduler } from './scheduler';

const iso = (dates: Array<Date | undefined>) => dates.map((d) => d?.toISOString());
const at = (s: string) => new Date(s);

describeEachDatabase('sync schedule (F25–F28) on a controllable clock', (get) => {
  let sim: UpstreamSim;
  let jobs: Map<JobName, SyncJob>;
  beforeAll(async () => {
    await resetUpstreamData(get().db);
    sim = await startTestSim();
    jobs = new Map(testSync(get().db, sim).jobs.map((j) => [j.name, j]));
  });
  afterAll(() => sim.close());
  const cron = (name: JobName) => jobs.get(name)?.cron ?? 'missing';

  it('next run times of every job, in UTC', () => {
    expect(iso(nextRuns(cron('tournaments'), at('2026-03-01T23:59:30Z'), 2))).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-03T00:00:00.000Z',
    ]);
    expect(iso(nextRuns(cron('schedules'), at('2026-03-01T10:07:12Z'), 4))).toEqual([
      '2026-03-01T10:15:00.000Z',
      '2026-03-01T10:30:00.000Z',
      '2026-03-01T10:45:00.000Z',
      '2026-03-01T11:00:00.000Z',
    ]);
    // Strictly after: a tick at exactly :15 is followed by :30.
    expect(iso([nextRunAfter(cron('schedules'), at('2026-03-01T10:15:00Z'))])).toEqual([
      '2026-03-01T10:30:00.000Z',
    ]);
    expect(iso(nextRuns(cron('live-results'), at('2026-03-01T10:00:10Z'), 3))).toEqual([
      '2026-03-01T10:00:30.000Z',
      '2026-03-01T10:01:00.000Z',
      '2026-03-01T10:01:30.000Z',
    ]);
    expect(iso(nextRuns(cron('presto-full'), at('2026-03-01T03:59:00Z'), 3))).toEqual([
      '2026-03-01T04:00:00.000Z',
      '2026-03-01T08:00:00.000Z',
      '2026-03-01T12:00:00.000Z',
    ]);
  });

  it('Presto live stats run every 2 minutes on game days only', async () => {
    const { db } = get();
    // Game days come from the Presto schedule: sync it first.
    expect(await testSync(db, sim).runner.run('presto-full')).toMatchObject({ status: 'success' });
    const job = jobs.get('presto-live');
    const runsOn = await job?.runDays?.(db);
    if (!job || !runsOn) throw new Error('presto-live has no run days');
    // The simulated teams play on 2026-03-04 (today in the sim), not on the 3rd or the 5th.
    expect([runsOn('2026-03-03'), runsOn('2026-03-04'), runsOn('2026-03-05')]).toEqual([
      false,
      true,
      false,
    ]);
    expect(iso(nextRuns(job.cron, at('2026-03-03T09:00:00Z'), 3, runsOn))).toEqual([
      '2026-03-04T00:00:00.000Z',
      '2026-03-04T00:02:00.000Z',
      '2026-03-04T00:04:00.000Z',
    ]);
    // After the last game day of the week, the next run is the next game day (the 7th).
    expect(iso([nextRunAfter(job.cron, at('2026-03-04T23:59:00Z'), runsOn)])).toEqual([
      '2026-03-07T00:00:00.000Z',
    ]);
  });

  it('the scheduler fires each job at its ticks as the clock moves', async () => {
    const { db } = get();
    const clock = new ManualClock(at('2026-03-03T23:44:50Z'));
    const fired: Array<[JobName, string]> = [];
    const slots: Array<[JobName, Date]> = [];
    const fire = async (job: JobName, trigger: RunTrigger) => {
      if (trigger.kind === 'manual') throw new Error('the scheduler never fires manual runs');
      fired.push([job, trigger.slot.toISOString().slice(11, 19)]);
      slots.push([job, trigger.slot]);
    };
    const scheduler = new Scheduler(db, [...jobs.values()], fire, { clock, catchUp: false });
    scheduler.start();
    try {
      await clock.advanceTo(at('2026-03-04T00:16:10Z'), jobs.size);
      const ticks = (job: JobName) => fired.filter(([j]) => j === job).map(([, t]) => t);
      expect(ticks('tournaments')).toEqual(['00:00:00']);
      expect(ticks('schedules')).toEqual(['23:45:00', '00:00:00', '00:15:00']);
      expect(ticks('presto-full')).toEqual(['00:00:00']);
      // Not on the 3rd (no game), every 2 minutes from midnight on the 4th.
      expect(ticks('presto-live')).toEqual(
        ['00', '02', '04', '06', '08', '10', '12', '14', '16'].map((m) => `00:${m}:00`),
      );
      const live = ticks('live-results');
      expect(live).toHaveLength(63); // 23:45:00 … 00:16:00 every 30 s
      expect(live.slice(0, 3)).toEqual(['23:45:00', '23:45:30', '23:46:00']);
      expect(scheduler.nextRuns().get('tournaments')?.toISOString()).toBe(
        '2026-03-05T00:00:00.000Z',
      );
      // The rest of the 4th is a game day, the 5th is not: no Presto live run on the 5th.
      slots.length = 0;
      await clock.advanceTo(at('2026-03-05T00:30:00Z'), jobs.size);
      const prestoLive = slots.filter(([j]) => j === 'presto-live').map(([, d]) => d.toISOString());
      expect(prestoLive).toHaveLength((24 * 60 - 18) / 2);
      expect(prestoLive.at(-1)).toBe('2026-03-04T23:58:00.000Z');
      expect(prestoLive.every((d) => d.startsWith('2026-03-04'))).toBe(true);
      expect(slots.filter(([j]) => j === 'tournaments').map(([, d]) => d.toISOString())).toEqual([
        '2026-03-05T00:00:00.000Z',
      ]);
    } finally {
      await scheduler.stop();
    }
  });

  it('is started with the server only when a provider is configured, never under Jest', () => {
    const vis = { VIS_URL: 'http://127.0.0.1:4100/Vis2009/XmlRequest.asmx' };
    const config = (env: Record<string, string>) => upstreamConfigFromEnv(env as NodeJS.ProcessEnv);
    expect(config({ ...vis }).enabled).toBe(true);
    expect(config({ ...vis, JEST_WORKER_ID: '1' }).enabled).toBe(false);
    expect(config({ ...vis, JEST_WORKER_ID: '1', UPSTREAM_SYNC: 'on' }).enabled).toBe(true);
    expect(config({ ...vis, UPSTREAM_SYNC: 'off' }).enabled).toBe(false);
    expect(config({}).enabled).toBe(false);
    expect(() => config({ VIS_URL: 'not a url' })).toThrow();
  });
});
