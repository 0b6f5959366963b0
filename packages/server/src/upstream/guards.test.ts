import type { UpstreamSim } from '@courtsync/upstream-sim';
import { and, eq } from 'drizzle-orm';
import {
  describeEachDatabase,
  resetUpstreamData,
  startTestSim,
  testSync,
  TEST_RETRY_POLICY,
} from '@courtsync/server/test-support';
import { matches, syncExecutions, syncTournamentResults, upstreamCredentials } from '../db/schema';
import type { Database } from '../db/types';

async function resultsOf(db: Database, executionId: number) {
  const rows = await db
    .select()
    .from(syncTournamentResults)
    .where(eq(syncTournamentResults.executionId, executionId));
  return new Map(rows.map((r) => [r.providerNo, r]));
}

const countMatches = async (db: Database, tournamentId: string) =>
  (await db.select().from(matches).where(eq(matches.tournamentId, tournamentId))).length;

describeEachDatabase('upstream sync guards (F29) against upstream-sim', (get) => {
  let sim: UpstreamSim;
  beforeEach(async () => {
    await resetUpstreamData(get().db);
    sim = await startTestSim();
  });
  afterEach(() => sim.close());

  it('refuses an overlapping run of the same job while the first one runs', async () => {
    const { db } = get();
    const sync = testSync(db, sim);
    sim.faults.add({ endpoint: 'GetBeachTournamentList', kind: 'latency', latencyMs: 150 });
    const first = sync.runner.run('schedules');
    const skipped: string[] = [];
    sync.runner.on('run:skipped', (e) => skipped.push(e.reason));
    const second = await sync.runner.run('schedules');
    expect(second).toEqual({ ran: false, job: 'schedules', reason: 'overlap' });
    const done = await first;
    expect(done).toMatchObject({ ran: true, status: 'success' });
    expect(skipped).toEqual(['overlap']);
    // Only one execution row: the refused trigger ran nothing.
    expect(await db.select().from(syncExecutions)).toHaveLength(1);
    // Once the first run is over the job runs again.
    expect(await sync.runner.run('schedules')).toMatchObject({ ran: true });
  });

  it("one tournament's 500 does not stop the others", async () => {
    const { db } = get();
    const sync = testSync(db, sim);
    sim.faults.add({ endpoint: 'GetBeachMatchList', key: '1000', kind: 'error', status: 500 });
    const outcome = await sync.runner.run('schedules');
    expect(outcome).toMatchObject({ ran: true, status: 'partial', errorCategory: 'API' });
    if (!outcome.ran) throw new Error('did not run');
    const results = await resultsOf(db, outcome.executionId);
    expect(results.get('1000')).toMatchObject({
      status: 'failed',
      errorCategory: 'API',
      attempts: 3,
    });
    expect(results.get('1003')).toMatchObject({ status: 'success', recordsProcessed: 24 });
    expect(await countMatches(db, 'vis-1003')).toBe(24);
    expect(await countMatches(db, 'vis-1000')).toBe(0);
    // 500 is retryable: three attempts, then the next run picks the tournament up.
    expect(sim.requests.count({ endpoint: 'GetBeachMatchList', key: '1000' })).toBe(3);
    sim.faults.clear();
    expect(await sync.runner.run('schedules')).toMatchObject({ ran: true, status: 'success' });
    expect(await countMatches(db, 'vis-1000')).toBe(24);
  });

  it('retries a timeout with growing backoff, then records TIMEOUT', async () => {
    const { db } = get();
    const sync = testSync(db, sim, { retryPolicy: { ...TEST_RETRY_POLICY, timeoutMs: 600 } });
    sim.faults.add({ endpoint: 'GetBeachMatchList', key: '1003', kind: 'timeout' });
    const outcome = await sync.runner.run('schedules');
    if (!outcome.ran) throw new Error('did not run');
    expect(outcome).toMatchObject({ status: 'partial', errorCategory: 'TIMEOUT' });
    const results = await resultsOf(db, outcome.executionId);
    expect(results.get('1003')).toMatchObject({
      status: 'failed',
      errorCategory: 'TIMEOUT',
      attempts: 3,
    });
    expect(results.get('1003')?.errorMessage).toMatch(/within 600 ms/);
    expect(results.get('1000')).toMatchObject({ status: 'success' });
    const tries = sim.requests
      .filter({ endpoint: 'GetBeachMatchList', key: '1003' })
      .map((r) => r.at);
    expect(tries).toHaveLength(3);
    // Three timeouts plus two backoffs: the tournament took at least that long.
    expect(results.get('1003')?.durationMs).toBeGreaterThanOrEqual(3 * 600 + 40 + 80);
    const [row] = await db
      .select()
      .from(syncExecutions)
      .where(eq(syncExecutions.id, outcome.executionId));
    expect(row).toMatchObject({ retries: 2, success: false, status: 'partial' });
    // Exponential backoff between them: 40 ms, then 80 ms (each + up to 25 % jitter).
    const [first = 0, second = 0] = (row?.details?.backoffMs as number[] | undefined) ?? [];
    expect(first).toBeGreaterThanOrEqual(40);
    expect(first).toBeLessThanOrEqual(50);
    expect(second).toBeGreaterThanOrEqual(80);
    expect(second).toBeLessThanOrEqual(100);
  });

  it('records malformed XML as VALIDATION without retrying it', async () => {
    const { db } = get();
    const sync = testSync(db, sim);
    sim.faults.add({ endpoint: 'GetBeachMatchList', key: '1000', kind: 'malformed' });
    const outcome = await sync.runner.run('schedules');
    if (!outcome.ran) throw new Error('did not run');
    const results = await resultsOf(db, outcome.executionId);
    expect(results.get('1000')).toMatchObject({
      status: 'failed',
      errorCategory: 'VALIDATION',
      attempts: 1,
    });
    expect(results.get('1000')?.errorMessage).toMatch(/malformed VIS XML/);
    expect(results.get('1003')).toMatchObject({ status: 'success' });
    expect(sim.requests.count({ endpoint: 'GetBeachMatchList', key: '1000' })).toBe(1);
  });

  it('deactivates the Presto credential after 3 auth failures and stops calling', async () => {
    const { db } = get();
    const sync = testSync(db, sim, { prestoPassword: 'wrong' });
    const logins = () => sim.requests.count({ endpoint: 'auth.token' });
    for (let run = 1; run <= 3; run += 1) {
      const outcome = await sync.runner.run('presto-full');
      expect(outcome).toMatchObject({ ran: true, status: 'failed', errorCategory: 'AUTH' });
      // Both teams wait on one shared login: one failed call per run.
      expect(logins()).toBe(run);
    }
    const [credential] = await db
      .select()
      .from(upstreamCredentials)
      .where(eq(upstreamCredentials.provider, 'presto'));
    expect(credential).toMatchObject({ active: false, consecutiveFailures: 3 });
    expect(credential?.deactivatedAt).toBeInstanceOf(Date);
    const before = sim.requests.entries.length;
    const fourth = await sync.runner.run('presto-full');
    expect(fourth).toMatchObject({
      ran: true,
      status: 'failed',
      errorCategory: 'AUTH',
      upstreamCalls: 0,
    });
    expect(fourth.ran && fourth.errorMessage).toMatch(/deactivated/);
    expect(sim.requests.entries.length).toBe(before);
    // New credentials (a new fingerprint) reactivate it.
    const fixed = testSync(db, sim);
    expect(await fixed.runner.run('presto-full')).toMatchObject({ ran: true, status: 'success' });
    const [after] = await db
      .select()
      .from(upstreamCredentials)
      .where(eq(upstreamCredentials.provider, 'presto'));
    expect(after).toMatchObject({ active: true, consecutiveFailures: 0 });
  });

  it('VIS: 401s count too, and a success in between resets the count', async () => {
    const { db } = get();
    const sync = testSync(db, sim);
    sim.faults.add({ protocol: 'vis', kind: 'unauthorized', times: 2 });
    await sync.runner.run('tournaments');
    await sync.runner.run('tournaments');
    const visRow = () =>
      db
        .select()
        .from(upstreamCredentials)
        .where(and(eq(upstreamCredentials.provider, 'vis')));
    expect((await visRow())[0]).toMatchObject({ active: true, consecutiveFailures: 2 });
    expect(await sync.runner.run('tournaments')).toMatchObject({ status: 'success' });
    expect((await visRow())[0]).toMatchObject({ active: true, consecutiveFailures: 0 });
  });

  it('Presto: an expired token is refreshed, not counted as a failure', async () => {
    const { db } = get();
    const sync = testSync(db, sim);
    expect(await sync.runner.run('presto-full')).toMatchObject({ status: 'success' });
    expect(sim.requests.count({ endpoint: 'auth.token' })).toBe(1);
    sim.clock.advance(2 * 3_600_000); // the sim's id tokens live 1 h
    expect(await sync.runner.run('presto-full')).toMatchObject({ status: 'success' });
    expect(sim.requests.count({ endpoint: 'auth.refresh', status: 200 })).toBe(1);
    expect(sim.requests.count({ endpoint: 'auth.token' })).toBe(1);
    expect(sim.requests.count({ endpoint: 'team.events', status: 401 })).toBeGreaterThanOrEqual(1);
  });
});
