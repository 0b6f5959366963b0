import { apiErrorSchema } from '@courtsync/protocol';
import {
  createTestMatch,
  describeEachDatabase,
  push,
  SseReader,
  streamRequest,
  TestClient,
  testApi,
} from '@courtsync/server/test-support';
import { openDatabase } from '../db/open-database';
import { liveHubFor } from '../services/feed/hub-registry';
import { readFeedHead } from '../services/feed/read-feed';

describeEachDatabase('GET stream (SSE)', (get, driver) => {
  const pgOnly = driver === 'pg' ? it : it.skip;

  it('starts at the head and delivers a push as one feed message', async () => {
    const { db } = get();
    const { api } = testApi(db, { pingIntervalMs: 50 });
    const matchId = await createTestMatch(db);
    const head = await readFeedHead(db);
    const response = await api.stream(streamRequest({ match: matchId }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    const sse = new SseReader(response);
    try {
      expect(await sse.next()).toEqual({
        retry: 1000,
        id: String(head),
        event: 'ready',
        data: JSON.stringify({ cursor: head }),
      });
      expect(await sse.next()).toEqual({ comment: 'ping' });
      const client = new TestClient();
      const ops = client.rallies(matchId, 3);
      await push(api, [...ops, new TestClient().rally(await createTestMatch(db), 'A')]);
      const message = await sse.nextFeed();
      expect(message.events.map((e) => e.opId)).toEqual(ops.map((op) => op.opId));
      expect(message.id).toBe(String(message.cursor));
      expect(message.cursor).toBe(head + 4);
    } finally {
      await sse.cancel();
    }
  });

  it('resumes after Last-Event-ID with exactly the missed events, once', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const abort = new AbortController();
    const first = new SseReader(await api.stream(streamRequest({}, { signal: abort.signal })));
    await first.next(); // ready
    const before = client.rallies(matchId, 2);
    await push(api, before);
    const seen = await first.nextFeed();
    expect(seen.events.map((e) => e.opId)).toEqual(before.map((op) => op.opId));
    // The connection drops (the request is aborted); the server unsubscribes.
    abort.abort();
    await first.cancel();
    const hub = liveHubFor(db);
    for (let i = 0; i < 50 && hub.size > 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(hub.size).toBe(0);

    const missed = client.rallies(matchId, 3);
    await push(api, missed);
    const later = client.rallies(matchId, 1);
    // The reconnecting EventSource sends Last-Event-ID; ?cursor=0 must lose to it.
    const second = new SseReader(
      await api.stream(streamRequest({ cursor: 0 }, { lastEventId: seen.id })),
    );
    try {
      expect(await second.next()).toMatchObject({ event: 'ready', id: seen.id });
      const backlog = await second.nextFeed();
      expect(backlog.events.map((e) => e.opId)).toEqual(missed.map((op) => op.opId));
      await push(api, later);
      const live = await second.nextFeed();
      expect(live.events.map((e) => e.opId)).toEqual(later.map((op) => op.opId));
    } finally {
      await second.cancel();
    }
  });

  it('answers 400 for a bad cursor or Last-Event-ID and 404 for an unknown match', async () => {
    const { api } = testApi(get().db);
    const cases: [Request, number, string][] = [
      [streamRequest({ cursor: -3 }), 400, 'VALIDATION_FAILED'],
      [streamRequest({}, { lastEventId: 'abc' }), 400, 'VALIDATION_FAILED'],
      [streamRequest({ match: 'no-such-match' }), 404, 'NOT_FOUND'],
      [streamRequest({ tournament: 'no-such-tournament' }), 404, 'NOT_FOUND'],
    ];
    for (const [request, status, code] of cases) {
      const response = await api.stream(request);
      expect(response.status).toBe(status);
      expect(apiErrorSchema.parse(await response.json()).error.code).toBe(code);
    }
  });

  pgOnly('fans a push on one instance out to a stream of another (LISTEN/NOTIFY)', async () => {
    const { url } = get();
    if (!url) throw new Error('pg target without url');
    const [one, two] = await Promise.all([
      openDatabase({ url, seed: false, poolMax: 2 }),
      openDatabase({ url, seed: false, poolMax: 2 }),
    ]);
    try {
      const apiOne = testApi(one.db).api;
      const apiTwo = testApi(two.db).api;
      const matchId = await createTestMatch(one.db);
      const sse = new SseReader(await apiTwo.stream(streamRequest({ match: matchId })));
      try {
        await sse.next(); // ready
        const ops = new TestClient().rallies(matchId, 4);
        await push(apiOne, ops.slice(0, 2));
        await push(apiOne, ops.slice(2));
        const received: string[] = [];
        while (received.length < 4) {
          received.push(...(await sse.nextFeed()).events.map((e) => e.opId));
        }
        expect(received).toEqual(ops.map((op) => op.opId));
      } finally {
        await sse.cancel();
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('ends open streams when the database closes', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const sse = new SseReader(await api.stream(streamRequest()));
    await sse.next(); // ready
    await liveHubFor(db).close();
    expect(await sse.next()).toBeUndefined();
  });
});
