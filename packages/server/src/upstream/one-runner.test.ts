import type { UpstreamSim } from '@courtsync/upstream-sim';
import { eq } from 'drizzle-orm';
import {
  describeEachDatabase,
  resetUpstreamData,
  startTestSim,
  testSync,
} from '@courtsync/server/test-support';
import { openDatabase } from '../db/open-database';
import { syncExecutions } from '../db/schema';
import type { Database, DatabaseHandle } from '../db/types';
import type { RunOutcome, RunTrigger } from './runner/job-types';
import { ManualClock } from './schedule/clock';
import { Scheduler } from './schedule/scheduler';

describeEachDatabase('one runner per scheduled run across instances (F30)', (get, driver) => {
  let sim: UpstreamSim;
  let second: DatabaseHandle | undefined;
  /** The second instance's database: its own pool on PostgreSQL, the shared PGlite otherwise. */
  let otherDb: Database;
  beforeAll(async () => {
    const { db, url } = get();
    if (driver === 'pg' && url) {
      second = await openDatabase({ url, seed: false });
      otherDb = second.db;
    } else {
      otherDb = db;
    }
  });
  afterAll(async () => second?.close());
  beforeEach(async () => {
    await resetUpstreamData(get().db);
    sim = await startTestSim();
  });
  afterEach(() => sim.close());

  const executionsOf = (db: Database, job: string) =>
    db.select().from(syncExecutions).where(eq(syncExecutions.jobName, job));

  it('the same tick fired on two instances at once runs once', async () => {
    const a = testSync(get().db, sim, { instanceId: 'instance-a' });
    const b = testSync(otherDb, sim, { instanceId: 'instance-b' });
    // Slow the provider so both triggers overlap in time.
    sim.faults.add({ endpoint: 'GetBeachTournamentList', kind: 'latency', latencyMs: 150 });
    const trigger: RunTrigger = { kind: 'scheduled', slot: new Date('2026-03-04T12:15:00Z') };
    const outcomes = await Promise.all([
      a.runner.run('schedules', trigger),
      b.runner.run('schedules', trigger),
    ]);
    const ran = outcomes.filter((o): o is Extract<RunOutcome, { ran: true }> => o.ran);
    const skipped = outcomes.filter((o) => !o.ran);
    expect(ran).toHaveLength(1);
    expect(skipped).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/^(locked|slot-taken)$/) }),
    ]);
    expect(await executionsOf(get().db, 'schedules')).toHaveLength(1);
    expect(sim.requests.count({ endpoint: 'GetBeachTournamentList' })).toBe(1);
    // A late instance firing the same tick after the run is over does not run it again.
    expect(await b.runner.run('schedules', trigger)).toMatchObject({
      ran: false,
      reason: 'slot-taken',
    });
    expect(await a.runner.run('schedules', trigger)).toMatchObject({
      ran: false,
      reason: 'slot-taken',
    });
    // A manual run while another instance holds the job's lock is refused as well.
    sim.faults.add({ endpoint: 'GetBeachTournamentList', kind: 'latency', latencyMs: 300 });
    const manual = a.runner.run('schedules');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await b.runner.run('schedules')).toMatchObject({ ran: false, reason: 'locked' });
    expect(await manual).toMatchObject({ ran: true });
  });

  it('two schedulers on one database: each 15-minute tick executes once', async () => {
    const clock = new ManualClock(new Date('2026-03-04T12:14:50Z'));
    const runs: Promise<unknown>[] = [];
    const instances = [
      testSync(get().db, sim, { instanceId: 'instance-a', clock }),
      testSync(otherDb, sim, { instanceId: 'instance-b', clock }),
    ];
    const schedulers = instances.map((sync) => {
      const job = sync.jobs.filter((j) => j.name === 'schedules');
      return new Scheduler(
        sync === instances[0] ? get().db : otherDb,
        job,
        (name, trigger) => {
          const run = sync.runner.run(name, trigger);
          runs.push(run);
          return run;
        },
        { clock, catchUp: false },
      );
    });
    schedulers.forEach((s) => s.start());
    try {
      await clock.advanceTo(new Date('2026-03-04T12:15:01Z'), 2);
      await Promise.all(runs);
      await clock.advanceTo(new Date('2026-03-04T12:30:01Z'), 2);
      await Promise.all(runs);
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
    }
    expect(runs).toHaveLength(4); // both instances fired both ticks …
    const rows = await executionsOf(get().db, 'schedules');
    // … and each tick executed once.
    expect(rows.map((r) => r.scheduledFor?.toISOString()).sort()).toEqual([
      '2026-03-04T12:15:00.000Z',
      '2026-03-04T12:30:00.000Z',
    ]);
  });
});
