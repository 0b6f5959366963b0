import type { UpstreamSim } from '@courtsync/upstream-sim';
import {
  describeEachDatabase,
  resetUpstreamData,
  startTestSim,
  testSync,
  TEST_RETRY_POLICY,
} from '@courtsync/server/test-support';
import type { RunOutcome } from './runner/job-types';

function figures(outcome: RunOutcome) {
  if (!outcome.ran) throw new Error(`did not run: ${outcome.reason}`);
  return { calls: outcome.upstreamCalls, writes: outcome.writes, status: outcome.status };
}

describeEachDatabase('fewer upstream calls and writes (F31)', (get) => {
  let sim: UpstreamSim;
  beforeEach(async () => {
    await resetUpstreamData(get().db);
    // 10 running tournaments of 30 matches: a schedule run is 1 list + 10 match lists.
    sim = await startTestSim({
      season: { tournaments: 10, matchesPerTournament: 30, allRunning: true },
    });
  });
  afterEach(() => sim.close());

  it('an unchanged second schedule run makes ≥ 60 % fewer calls and writes', async () => {
    const { db } = get();
    // A long timeout: a spurious retry (PGlite shares this thread) would only inflate `first`.
    const sync = testSync(db, sim, { retryPolicy: { ...TEST_RETRY_POLICY, timeoutMs: 15_000 } });
    const first = figures(await sync.runner.run('schedules'));
    const second = figures(await sync.runner.run('schedules'));
    const fewerCalls = 1 - second.calls / first.calls;
    const fewerWrites = 1 - second.writes / first.writes;
    console.info(
      `F31 schedules, 10 tournaments / 300 matches: first run ${first.calls} calls, ${first.writes} writes; ` +
        `unchanged rerun ${second.calls} calls, ${second.writes} writes ` +
        `(${Math.round(fewerCalls * 100)} % fewer calls, ${Math.round(fewerWrites * 100)} % fewer writes)`,
    );
    expect(first).toMatchObject({ status: 'success', calls: 11 });
    expect(second.status).toBe('success');
    expect(fewerCalls).toBeGreaterThanOrEqual(0.6);
    expect(fewerWrites).toBeGreaterThanOrEqual(0.6);
    // The upstream really saw it: one conditional list call answered 304.
    expect(sim.requests.count({ endpoint: 'GetBeachTournamentList', status: 304 })).toBe(1);
  });

  it('a change refetches only the tournament it touched', async () => {
    const { db } = get();
    const sync = testSync(db, sim);
    figures(await sync.runner.run('schedules'));
    sim.season.rescheduleMatch(50_005, { court: 'Court 9' }); // tournament 1000
    const rerun = figures(await sync.runner.run('schedules'));
    // The list (changed Version of 1000) and that tournament's match list: 2 calls, not 11.
    expect(rerun.calls).toBe(2);
    expect(sim.requests.filter({ endpoint: 'GetBeachMatchList' }).map((r) => r.key)).toContain(
      '1000',
    );
    expect(sim.requests.count({ endpoint: 'GetBeachMatchList', key: '1001' })).toBe(1);
  });

  it('a second unchanged live-results run writes nothing but its records', async () => {
    const { db } = get();
    const sync = testSync(db, sim);
    await sync.runner.run('schedules');
    const first = figures(await sync.runner.run('live-results'));
    const second = figures(await sync.runner.run('live-results'));
    expect(second.calls).toBe(first.calls); // one conditional GET per live match …
    expect(sim.requests.count({ endpoint: 'GetBeachMatch', status: 304 })).toBe(second.calls); // … all 304
    expect(second.writes).toBeLessThan(first.writes);
  });
});
