import { apiErrorSchema, EffectiveLog } from '@courtsync/protocol';
import {
  historyResponseSchema,
  matchScoreSchema,
  SCORE_API,
  scoreListResponseSchema,
} from '@courtsync/protocol/scores';
import type { Op } from '@courtsync/protocol';
import { replay } from '@courtsync/scoring';
import {
  createTestMatch,
  describeEachDatabase,
  getRequest,
  push,
  snapshotMatch,
  TestClient,
  testApi,
} from '@courtsync/server/test-support';
import { ulid } from 'ulid';
import { matches, matchTeams, tournaments } from '../db/schema';
import type { Database } from '../db/types';
import { DEMO_TOURNAMENT_ID } from '../db/seed';
import { runningScoreOf } from '../services/scores/read-history';

/** A tournament of its own with three matches: two with team rows, one without. */
async function createEvent(db: Database) {
  const eventId = `ev-${ulid().slice(-8).toLowerCase()}`;
  await db.insert(tournaments).values({
    id: eventId,
    name: 'Score API Cup',
    location: 'Test',
    startsOn: '2026-06-01',
    endsOn: '2026-06-02',
  });
  const base = {
    tournamentId: eventId,
    format: 'beach' as const,
    court: 'Court 1',
    state: replay('beach', []),
  };
  const ids = { men: `${eventId}-m1`, women: `${eventId}-w1`, bare: `${eventId}-x1` };
  await db.insert(matches).values([
    {
      ...base,
      id: ids.men,
      teamA: 'Red',
      teamB: 'Blue',
      scheduledAt: new Date('2026-06-01T09:00:00Z'),
    },
    {
      ...base,
      id: ids.women,
      teamA: 'Green',
      teamB: 'Red',
      scheduledAt: new Date('2026-06-01T10:00:00Z'),
    },
    {
      ...base,
      id: ids.bare,
      teamA: 'Team Ä / One',
      teamB: 'Blue',
      scheduledAt: new Date('2026-06-01T11:00:00Z'),
    },
  ]);
  await db.insert(matchTeams).values([
    { matchId: ids.men, division: 'Men', teamAId: 'red-1', teamBId: 'blue-1' },
    { matchId: ids.women, division: 'Women', teamAId: 'green-2', teamBId: 'red-1' },
  ]);
  return { eventId, ids };
}

describeEachDatabase('score APIs: reads (F41)', (get) => {
  it('lists an event’s scores by scheduled time, filtered by teamId and/or division', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const { eventId, ids } = await createEvent(db);
    const list = async (query = '') => {
      const response = await api.listScores(getRequest(SCORE_API.list(eventId) + query), eventId);
      expect(response.status).toBe(200);
      return scoreListResponseSchema.parse(await response.json()).scores.map((s) => s.matchId);
    };
    expect(await list()).toEqual([ids.men, ids.women, ids.bare]);
    // A team id matches either side.
    expect(await list('?teamId=red-1')).toEqual([ids.men, ids.women]);
    expect(await list('?teamId=green-2')).toEqual([ids.women]);
    expect(await list('?division=Men')).toEqual([ids.men]);
    expect(await list('?teamId=red-1&division=Women')).toEqual([ids.women]);
    expect(await list('?teamId=green-2&division=Men')).toEqual([]);
    // A match without a teams row: ids from the names, no division.
    expect(await list('?teamId=team-one')).toEqual([ids.bare]);

    const response = await api.listScores(getRequest(SCORE_API.list(eventId)), eventId);
    const [men, , bare] = scoreListResponseSchema.parse(await response.json()).scores;
    expect(men).toMatchObject({
      eventId,
      division: 'Men',
      status: 'scheduled',
      currentSet: 1,
      teams: { A: { id: 'red-1', name: 'Red' }, B: { id: 'blue-1', name: 'Blue' } },
      startedAt: null,
      finishedAt: null,
      eventCount: 0,
    });
    expect(bare).toMatchObject({ division: null, teams: { A: { id: 'team-one' } } });
  });

  it('the demo tournament carries divisions and team ids from the seed', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const response = await api.listScores(
      getRequest(`${SCORE_API.list(DEMO_TOURNAMENT_ID)}?division=Beach%20Women`),
      DEMO_TOURNAMENT_ID,
    );
    const { scores } = scoreListResponseSchema.parse(await response.json());
    expect(scores.map((s) => [s.matchId, s.teams.A.id])).toEqual([['demo-beach-2', 'silva-costa']]);
  });

  it('one match: its state, start time and finish time', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const { eventId, ids } = await createEvent(db);
    const client = new TestClient();
    const ops = client.rallies(ids.men, 5, ['A', 'B']);
    await push(api, ops);
    const read = async () => {
      const response = await api.getScore(
        getRequest(SCORE_API.match(eventId, ids.men)),
        eventId,
        ids.men,
      );
      expect(response.status).toBe(200);
      return matchScoreSchema.parse(await response.json());
    };
    const { events } = await snapshotMatch(db, ids.men);
    const live = await read();
    expect(live).toMatchObject({ status: 'live', eventCount: 5, version: 5, finishedAt: null });
    expect(live.state.sets).toEqual([{ a: 3, b: 2 }]);
    expect(live.startedAt).toBe(events[0]?.serverTime.toISOString());

    // Win it 2-0: 21-0, 21-0 after the 3-2 start.
    await push(api, client.rallies(ids.men, 18 + 21, ['A']));
    const done = await read();
    expect(done.status).toBe('finished');
    expect(done.state.winner).toBe('A');
    expect(done.finishedAt).toBe(done.updatedAt);
    expect(done.currentSet).toBe(2);
  });

  it('404 for an unknown event or a match of another event; 400 for bad ids and filters', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const { eventId, ids } = await createEvent(db);
    const demoMatch = await createTestMatch(db);
    const expectError = async (response: Promise<Response>, status: number, code: string) => {
      const r = await response;
      expect(r.status).toBe(status);
      expect(apiErrorSchema.parse(await r.json()).error.code).toBe(code);
    };
    await expectError(api.listScores(getRequest('/x'), 'no-such-event'), 404, 'NOT_FOUND');
    await expectError(api.getScore(getRequest('/x'), eventId, demoMatch), 404, 'NOT_FOUND');
    await expectError(api.getScoreHistory(getRequest('/x'), eventId, 'nope'), 404, 'NOT_FOUND');
    await expectError(api.listScores(getRequest('/x'), 'bad id!'), 400, 'VALIDATION_FAILED');
    await expectError(api.getScore(getRequest('/x'), eventId, 'bad/id'), 400, 'VALIDATION_FAILED');
    for (const query of ['?teamId=', '?division=', `?division=${'x'.repeat(201)}`]) {
      await expectError(
        api.listScores(getRequest(`/x${query}`), eventId),
        400,
        'VALIDATION_FAILED',
      );
    }
    for (const query of ['?limit=0', '?limit=501', '?limit=abc', '?offset=-1', '?limit=2.5']) {
      await expectError(
        api.getScoreHistory(getRequest(`/x${query}`), eventId, ids.men),
        400,
        'VALIDATION_FAILED',
      );
    }
  });

  it('history: pages of the log with the running score after each event', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const { eventId, ids } = await createEvent(db);
    const client = new TestClient();
    const ops: Op[] = [
      ...client.rallies(ids.women, 3, ['A', 'B', 'B']),
      client.rally(ids.women, 'A'),
    ];
    ops.push(client.undo(ids.women, ops[3]?.opId));
    ops.push(...client.rallies(ids.women, 2, ['B']));
    await push(api, ops);

    const page = async (query: string) => {
      const url = SCORE_API.history(eventId, ids.women) + query;
      const response = await api.getScoreHistory(getRequest(url), eventId, ids.women);
      expect(response.status).toBe(200);
      return historyResponseSchema.parse(await response.json());
    };
    const pages = [
      await page('?limit=3'),
      await page('?limit=3&offset=3'),
      await page('?offset=6&limit=3'),
    ];
    expect(pages.map((p) => [p.total, p.limit, p.offset, p.events.length])).toEqual([
      [7, 3, 0, 3],
      [7, 3, 3, 3],
      [7, 3, 6, 1],
    ]);
    const all = pages.flatMap((p) => p.events);
    expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(all.map((e) => e.opId)).toEqual(ops.map((o) => o.opId));
    // The score after each event is the replay of the log up to it.
    const log = new EffectiveLog('beach');
    for (const [i, op] of ops.entries()) {
      log.apply(op);
      expect(all[i]?.score).toEqual(runningScoreOf(log.state));
      expect(all[i]?.counted).toBe(true);
    }
    expect(all.map((e) => `${e.score.a}-${e.score.b}`)).toEqual([
      '1-0',
      '1-1',
      '1-2',
      '2-2',
      '1-2',
      '1-3',
      '1-4',
    ]);
    // Feed positions grow with the log; past the end is an empty page, not an error.
    expect(all.map((e) => e.feedPosition)).toEqual(
      [...all.map((e) => e.feedPosition)].sort((x, y) => x - y),
    );
    expect((await page('?offset=50')).events).toEqual([]);
    expect((await page('')).limit).toBe(50);
  });
});
