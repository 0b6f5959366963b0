import {
  API,
  apiErrorSchema,
  matchEventsResponseSchema,
  matchViewSchema,
  tournamentListResponseSchema,
} from '@courtsync/protocol';
import { replayFull } from '@courtsync/scoring';
import type { Database } from '../db/types';
import {
  captureLogs,
  createTestMatch,
  getRequest,
  push,
  TestClient,
  testApi,
  describeEachDatabase,
} from '@courtsync/server/test-support';
import { createApiHandlers } from './api-handlers';

describeEachDatabase('read routes', (get, driver) => {
  it('GET match: the MatchView of a match', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db, 'indoor');
    const ops = new TestClient().rallies(matchId, 4, ['B']);
    await push(api, ops);

    const response = await api.getMatch(getRequest(API.match(matchId)), matchId);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const view = matchViewSchema.parse(await response.json());
    expect(view).toMatchObject({ id: matchId, format: 'indoor', status: 'live', version: 4 });
    expect(view.eventCount).toBe(4);
    expect(view.state).toEqual(
      replayFull(
        'indoor',
        ops.map(() => ({ type: 'rally', winner: 'B' })),
      ),
    );
  });

  it('GET match events: the applied log in position order', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const ops = [client.rally(matchId, 'A'), client.undo(matchId), client.rally(matchId, 'B')];
    await push(api, ops);

    const response = await api.getMatchEvents(getRequest(API.matchEvents(matchId)), matchId);
    expect(response.status).toBe(200);
    const body = matchEventsResponseSchema.parse(await response.json());
    expect(body.matchId).toBe(matchId);
    expect(body.events.map((e) => [e.position, e.opId, e.type, e.payload])).toEqual(
      ops.map((op, i) => [i + 1, op.opId, op.type, op.payload]),
    );
    expect(body.events[0]?.clientTime).toBe(ops[0]?.clientTime);
  });

  it('404 NOT_FOUND and 400 VALIDATION_FAILED for match ids', async () => {
    const { db } = get();
    const { api } = testApi(db);
    for (const handler of [api.getMatch, api.getMatchEvents]) {
      const missing = await handler(getRequest('/x'), 'no-such-match');
      expect(missing.status).toBe(404);
      expect(apiErrorSchema.parse(await missing.json()).error.code).toBe('NOT_FOUND');
      const bad = await handler(getRequest('/x'), 'bad id!');
      expect(bad.status).toBe(400);
      const body = apiErrorSchema.parse(await bad.json());
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details).toBeDefined();
    }
  });

  it('GET tournaments: the demo tournament with its matches', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const response = await api.listTournaments(getRequest(API.tournaments));
    expect(response.status).toBe(200);
    const body = tournamentListResponseSchema.parse(await response.json());
    const ids = body.tournaments.flatMap((t) => t.matches.map((m) => m.id));
    expect(ids).toEqual(expect.arrayContaining(['demo-beach-1', 'demo-indoor-2']));
  });

  it('connectivity test: 204, no body, never cached, for GET and HEAD', async () => {
    const { api } = testApi(get().db);
    for (const method of ['GET', 'HEAD']) {
      const response = await api.connectivityTest(
        new Request(`http://localhost${API.connectivityTest}`, { method }),
      );
      expect(response.status).toBe(204);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toBe('');
    }
  });

  it('health: 200 with the driver, 503 when the database fails', async () => {
    const { api } = testApi(get().db);
    const ok = await api.health(getRequest(API.health));
    expect(ok.status).toBe(200);
    // F40 added the scheduler and the jobs' last-run ages (see monitoring-api.test.ts).
    expect(await ok.json()).toMatchObject({
      status: 'ok',
      db: driver,
      scheduler: { running: false },
    });

    const logs = captureLogs();
    const broken = createApiHandlers(() => Promise.reject(new Error('connection refused')), {
      logger: logs.logger,
    });
    const down = await broken.health(getRequest(API.health));
    expect(down.status).toBe(503);
    expect(apiErrorSchema.parse(await down.json()).error.code).toBe('INTERNAL');
  });

  it('500 INTERNAL with a generic message, the cause logged with the request id', async () => {
    const logs = captureLogs();
    const failing = {
      select: () => {
        throw new Error('relation "secret_table" does not exist');
      },
    } as unknown as Database;
    const api = createApiHandlers(async () => failing, { logger: logs.logger });
    const response = await api.getMatch(
      getRequest('/x', { 'x-request-id': 'abc-123' }),
      'demo-beach-1',
    );
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    const text = await response.text();
    expect(text).not.toContain('secret_table');
    expect(apiErrorSchema.parse(JSON.parse(text)).error).toEqual({
      code: 'INTERNAL',
      message: 'Internal server error',
    });
    const logged = logs.entries.find((e) => e.msg === 'unhandled error');
    expect(logged).toMatchObject({ level: 'error', requestId: 'abc-123', route: 'getMatch' });
    expect(JSON.stringify(logged)).toContain('secret_table');
    expect(logs.entries.find((e) => e.msg === 'request')).toMatchObject({ status: 500 });
  });

  it('logs one structured line per request with a generated request id', async () => {
    const { api, logs } = testApi(get().db);
    const response = await api.connectivityTest(
      getRequest(API.connectivityTest, { 'x-request-id': 'bad id\n' }),
    );
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9A-Z]{26}$/);
    expect(logs.entries).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        requestId: id,
        status: 204,
        method: 'GET',
      }),
    ]);
  });
});
