import { apiErrorSchema, MAX_PULL_LIMIT } from '@courtsync/protocol';
import type { FeedEvent } from '@courtsync/protocol';
import {
  createTestMatch,
  describeEachDatabase,
  pull,
  pullRequest,
  push,
  TestClient,
  testApi,
} from '@courtsync/server/test-support';
import { DEMO_TOURNAMENT_ID } from '../db/seed';
import { tournaments } from '../db/schema';
import { readFeedHead } from '../services/feed/read-feed';

describeEachDatabase('GET pull', (get) => {
  it('returns every event after the cursor in server-position order, page by page', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const start = await readFeedHead(db);
    const [m1, m2] = [await createTestMatch(db), await createTestMatch(db)];
    const [a, b] = [new TestClient(), new TestClient()];
    const pushed = [
      ...(await push(api, [...a.rallies(m1, 3), ...b.rallies(m2, 2)])).results,
      ...(await push(api, a.rallies(m1, 2))).results,
    ];
    expect(pushed.every((r) => r.status === 'applied')).toBe(true);

    const seen: FeedEvent[] = [];
    let cursor = start;
    for (let pages = 0; ; pages += 1) {
      const page = await pull(api, { cursor, limit: 2 });
      seen.push(...page.events);
      expect(page.cursor).toBe(page.hasMore ? page.events.at(-1)?.position : start + 7);
      cursor = page.cursor;
      if (!page.hasMore) {
        expect(pages).toBe(3);
        break;
      }
    }
    expect(seen.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => start + n));
    expect(seen.filter((e) => e.matchId === m1).map((e) => e.matchPosition)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(seen[0]).toMatchObject({ tournamentId: DEMO_TOURNAMENT_ID, clientId: a.clientId });
    // At the head: nothing more, and the cursor stays.
    expect(await pull(api, { cursor })).toEqual({ events: [], cursor, hasMore: false });
  });

  it('filters by match and by tournament; the cursor skips to the head', async () => {
    const { db } = get();
    const { api } = testApi(db);
    await db
      .insert(tournaments)
      .values({
        id: 't-other',
        name: 'Other',
        location: 'X',
        startsOn: '2026-01-01',
        endsOn: '2026-01-02',
      })
      .onConflictDoNothing();
    const start = await readFeedHead(db);
    const [m1, m2] = [await createTestMatch(db), await createTestMatch(db)];
    const a = new TestClient();
    await push(api, [...a.rallies(m1, 2), ...a.rallies(m2, 3)]);
    const head = await readFeedHead(db);

    const one = await pull(api, { cursor: start, match: m2 });
    expect(one.events.map((e) => e.matchId)).toEqual([m2, m2, m2]);
    expect(one).toMatchObject({ cursor: head, hasMore: false });

    const paged = await pull(api, { cursor: start, match: m1, limit: 1 });
    expect(paged).toMatchObject({ hasMore: true, cursor: paged.events[0]?.position });

    const demo = await pull(api, { cursor: start, tournament: DEMO_TOURNAMENT_ID });
    expect(demo.events).toHaveLength(5);
    const other = await pull(api, { cursor: start, tournament: 't-other' });
    expect(other).toEqual({ events: [], cursor: head, hasMore: false });
  });

  it('400 VALIDATION_FAILED with issues for a bad query', async () => {
    const { api } = testApi(get().db);
    const bad: Record<string, string | number>[] = [
      { cursor: -1 },
      { cursor: 'abc' },
      { cursor: 1.5 },
      { limit: 0 },
      { limit: MAX_PULL_LIMIT + 1 },
      { match: 'not a valid id!' },
    ];
    for (const query of bad) {
      const response = await api.pull(pullRequest(query));
      expect(response.status).toBe(400);
      const body = apiErrorSchema.parse(await response.json());
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: expect.arrayContaining(['query']) }),
        ]),
      );
    }
  });

  it('404 NOT_FOUND for an unknown match or tournament', async () => {
    const { api } = testApi(get().db);
    const queries: Record<string, string>[] = [
      { match: 'no-such-match' },
      { tournament: 'no-such-tournament' },
    ];
    for (const query of queries) {
      const response = await api.pull(pullRequest(query));
      expect(response.status).toBe(404);
      const body = apiErrorSchema.parse(await response.json());
      expect(body.error).toMatchObject({ code: 'NOT_FOUND' });
      expect(body.error.message).toContain('no-such');
    }
  });
});
