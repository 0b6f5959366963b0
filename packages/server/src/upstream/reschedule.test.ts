import { replayFull } from '@courtsync/scoring';
import type { UpstreamSim } from '@courtsync/upstream-sim';
import { and, eq } from 'drizzle-orm';
import {
  describeEachDatabase,
  push,
  resetUpstreamData,
  startTestSim,
  TestClient,
  testApi,
  testSync,
} from '@courtsync/server/test-support';
import { matches, syncExecutions, upstreamMatches } from '../db/schema';
import type { Database } from '../db/types';
import { listTournaments } from '../services/tournaments';
import { matchScheduleHistory } from './store/schedule-history';

const matchRow = async (db: Database, id: string) => {
  const [row] = await db.select().from(matches).where(eq(matches.id, id));
  if (!row) throw new Error(`no match ${id}`);
  return row;
};

describeEachDatabase('upstream schedules: reschedules and which source wins', (get) => {
  let sim: UpstreamSim;
  beforeEach(async () => {
    await resetUpstreamData(get().db);
    sim = await startTestSim();
  });
  afterEach(() => sim.close());

  it('lands provider tournaments and matches where the app lists them', async () => {
    const { db } = get();
    const sync = testSync(db, sim);
    expect(await sync.runner.run('tournaments')).toMatchObject({ status: 'success', records: 6 });
    expect(await sync.runner.run('schedules')).toMatchObject({ status: 'success', records: 48 });
    const listed = await listTournaments(db);
    const demo = listed.tournaments.find((t) => t.id === 'vis-1000');
    expect(demo).toMatchObject({
      name: 'CourtSync Beach Open Lausanne',
      location: 'Lausanne, Switzerland',
    });
    expect(demo?.matches).toHaveLength(24);
    // At 12:10 the 12:00 matches are live with the provider's score; finished ones have a winner.
    const live = demo?.matches.filter((m) => m.status === 'live') ?? [];
    expect(live.length).toBe(4);
    expect(live.every((m) => m.state.sets.reduce((n, set) => n + set.a + set.b, 0) > 0)).toBe(true);
    const finished = demo?.matches.filter((m) => m.status === 'finished') ?? [];
    expect(finished.length).toBe(12);
    expect(finished.every((m) => m.state.winner !== undefined)).toBe(true);
    // Not-running tournaments are listed but have no schedule synced.
    expect(listed.tournaments.find((t) => t.id === 'vis-1001')?.matches).toEqual([]);
  });

  it('a moved match shows its new court and time after the next run, its history the old ones', async () => {
    const { db } = get();
    const sync = testSync(db, sim);
    await sync.runner.run('schedules');
    const id = 'vis-m-50093'; // tournament 1003, Center Court at 13:00
    expect(await matchRow(db, id)).toMatchObject({
      court: 'Center Court',
      scheduledAt: new Date('2026-03-04T13:00:00Z'),
    });
    // The federation moves it (through the simulator's HTTP control API, as a demo would).
    const moved = await fetch(`${sim.url}/__sim/matches/50093/reschedule`, {
      method: 'POST',
      body: JSON.stringify({ court: 'Court 4', start: '2026-03-04T13:40:00Z' }),
    });
    expect(moved.status).toBe(200);
    const outcome = await sync.runner.run('schedules');
    expect(await matchRow(db, id)).toMatchObject({
      court: 'Court 4',
      scheduledAt: new Date('2026-03-04T13:40:00Z'),
    });
    expect(await matchScheduleHistory(db, id)).toEqual([
      expect.objectContaining({
        provider: 'vis',
        oldCourt: 'Center Court',
        newCourt: 'Court 4',
        oldScheduledAt: '2026-03-04T13:00:00.000Z',
        newScheduledAt: '2026-03-04T13:40:00.000Z',
      }),
    ]);
    if (!outcome.ran) throw new Error('did not run');
    const [execution] = await db
      .select()
      .from(syncExecutions)
      .where(eq(syncExecutions.id, outcome.executionId));
    expect(execution?.details).toMatchObject({ rescheduled: 1 });
  });

  it('a match scored courtside is never overwritten by the provider; the others follow it', async () => {
    const { db } = get();
    const sync = testSync(db, sim);
    await sync.runner.run('schedules');
    const courtside = 'vis-m-50013'; // live at 12:10 in tournament 1000
    const providerOnly = 'vis-m-50014';
    expect((await matchRow(db, courtside)).status).toBe('live');
    const { api } = testApi(db);
    const ops = new TestClient().rallies(courtside, 3, ['A', 'B', 'A']);
    await push(api, ops);
    const ours = await matchRow(db, courtside);
    expect(ours.state).toEqual(
      replayFull('beach', [
        { type: 'rally', winner: 'A' },
        { type: 'rally', winner: 'B' },
        { type: 'rally', winner: 'A' },
      ]),
    );
    const before = await matchRow(db, providerOnly);

    sim.clock.advance(5 * 60_000); // 15 more rallies upstream
    sim.season.rescheduleMatch(50013, { court: 'Court 7' });
    expect(await sync.runner.run('live-results')).toMatchObject({ status: 'success' });
    expect(await sync.runner.run('schedules')).toMatchObject({ status: 'success' });

    const after = await matchRow(db, courtside);
    expect(after.state).toEqual(ours.state); // CourtSync's score and status win
    expect(after.status).toBe(ours.status);
    expect(after.version).toBe(ours.version);
    expect(after.court).toBe('Court 7'); // the provider's schedule still applies
    const [copy] = await db
      .select()
      .from(upstreamMatches)
      .where(and(eq(upstreamMatches.provider, 'vis'), eq(upstreamMatches.matchId, courtside)));
    const providerPoints = (copy?.providerScore.sets ?? []).reduce((n, s) => n + s.a + s.b, 0);
    expect(providerPoints).toBeGreaterThan(3); // the provider's copy is kept, not applied
    const moved = await matchRow(db, providerOnly);
    const points = (m: typeof moved) => m.state.sets.reduce((n, s) => n + s.a + s.b, 0);
    expect(points(moved)).toBeGreaterThan(points(before)); // nobody scores it here: provider wins
  });
});
