import { API, apiErrorSchema } from '@courtsync/protocol';
import {
  historyResponseSchema,
  SCORE_API,
  scoreCorrectionResponseSchema,
} from '@courtsync/protocol/scores';
import {
  apiRequest,
  createTestMatch,
  dbFingerprint,
  DEMO,
  describeEachDatabase,
  getRequest,
  push,
  signIn,
  snapshotMatch,
  TestClient,
  testApi,
} from '@courtsync/server/test-support';
import { randomUUID } from 'node:crypto';
import { DEMO_TOURNAMENT_ID } from '../db/seed';
import { readFeed } from '../services/feed/read-feed';

const EVENT = DEMO_TOURNAMENT_ID;

/** The signed-in admin's cookie of the current test (set right after its `testApi`). */
let adminCookie = '';

/** A POST of the correction route with a JSON body (or raw text), as the admin unless told. */
function correctionRequest(
  body: unknown,
  init: { raw?: string; type?: string; cookie?: string } = {},
): Request {
  return new Request(`http://localhost${SCORE_API.list(EVENT)}`, {
    method: 'POST',
    headers: {
      'content-type': init.type ?? 'application/json',
      cookie: init.cookie ?? adminCookie,
    },
    body: init.raw ?? JSON.stringify(body),
  });
}

describeEachDatabase('score APIs: official correction (F41)', (get) => {
  it('records the correction as an event of the match log, in the feed, replayed', async () => {
    const { db } = get();
    const { api } = testApi(db);
    adminCookie = (await signIn(api, DEMO.admin)).cookie;
    const matchId = await createTestMatch(db, 'beach');
    await push(api, new TestClient().rallies(matchId, 5, ['A', 'B']));
    const before = await readFeed(db, { cursor: 0, limit: 1000 });

    const opId = randomUUID();
    const sets = [
      { a: 21, b: 19 },
      { a: 3, b: 4 },
    ];
    const response = await api.postScoreCorrection(
      correctionRequest({ matchId, sets, opId, reason: 'Scoresheet says 21-19' }),
      EVENT,
    );
    expect(response.status).toBe(201);
    const body = scoreCorrectionResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ opId, status: 'applied' });
    expect(body.score.state.sets.map(({ a, b }) => ({ a, b }))).toEqual(sets);
    expect(body.score.state.setsWon).toEqual({ A: 1, B: 0 });
    expect(body.score.eventCount).toBe(6);

    // One more event of the match's log, with the next feed position: devices pull it.
    const { row, events } = await snapshotMatch(db, matchId);
    expect(events.map((e) => e.type)).toEqual([...Array(5).fill('rally'), 'correction']);
    expect(events[5]).toMatchObject({ opId, clientId: opId, seq: 1, payload: { sets } });
    expect(row?.state.sets.map(({ a, b }) => ({ a, b }))).toEqual(sets);
    const after = await readFeed(db, { cursor: before.cursor, limit: 1000, match: matchId });
    expect(after.events.map((e) => [e.opId, e.type, e.matchPosition])).toEqual([
      [opId, 'correction', 6],
    ]);

    // History shows it with the score it set.
    const history = await api.getScoreHistory(
      getRequest(`${SCORE_API.history(EVENT, matchId)}?offset=5`),
      EVENT,
      matchId,
    );
    const page = historyResponseSchema.parse(await history.json());
    expect(page.events.map((e) => [e.type, e.score])).toEqual([
      ['correction', { set: 2, a: 3, b: 4, setsWon: { A: 1, B: 0 } }],
    ]);

    // Rallies after the correction go on from the corrected score.
    await push(api, new TestClient().rallies(matchId, 1, ['A']));
    expect((await snapshotMatch(db, matchId)).row?.state.sets[1]).toMatchObject({ a: 4, b: 4 });
  });

  it('a retry with the same opId is answered 200 duplicate and recorded once', async () => {
    const { db } = get();
    const { api } = testApi(db);
    adminCookie = (await signIn(api, DEMO.admin)).cookie;
    const matchId = await createTestMatch(db, 'indoor');
    const body = { matchId, sets: [{ a: 2, b: 0 }], opId: randomUUID() };
    const first = await api.postScoreCorrection(correctionRequest(body), EVENT);
    expect(first.status).toBe(201);
    const again = await api.postScoreCorrection(correctionRequest(body), EVENT);
    expect(again.status).toBe(200);
    expect(scoreCorrectionResponseSchema.parse(await again.json()).status).toBe('duplicate');
    const { events } = await snapshotMatch(db, matchId);
    expect(events.map((e) => e.opId)).toEqual([body.opId]);

    // Without an opId every POST is a new correction, each its own op.
    const open = { matchId, sets: [{ a: 5, b: 1 }] };
    expect((await api.postScoreCorrection(correctionRequest(open), EVENT)).status).toBe(201);
    expect((await api.postScoreCorrection(correctionRequest(open), EVENT)).status).toBe(201);
    expect((await snapshotMatch(db, matchId)).events).toHaveLength(3);
  });

  it('bad input is answered 400 in the error shape and changes nothing', async () => {
    const { db } = get();
    const { api } = testApi(db);
    adminCookie = (await signIn(api, DEMO.admin)).cookie;
    const matchId = await createTestMatch(db, 'beach');
    await push(api, new TestClient().rallies(matchId, 3));
    const fingerprint = await dbFingerprint(db);
    const cases: [Request, number, string][] = [
      [correctionRequest({ matchId }), 400, 'VALIDATION_FAILED'],
      [correctionRequest({ matchId, sets: [] }), 400, 'VALIDATION_FAILED'],
      [correctionRequest({ matchId, sets: [{ a: -1, b: 0 }] }), 400, 'VALIDATION_FAILED'],
      [correctionRequest({ matchId, sets: [{ a: 1.5, b: 0 }] }), 400, 'VALIDATION_FAILED'],
      [
        correctionRequest({ matchId, sets: Array(6).fill({ a: 0, b: 0 }) }),
        400,
        'VALIDATION_FAILED',
      ],
      [correctionRequest({ matchId, sets: [{ a: 1, b: 0 }], extra: 1 }), 400, 'VALIDATION_FAILED'],
      [correctionRequest({ matchId, sets: [{ a: 1, b: 0 }], opId: 'x' }), 400, 'VALIDATION_FAILED'],
      [correctionRequest({ matchId: 'bad id', sets: [{ a: 1, b: 0 }] }), 400, 'VALIDATION_FAILED'],
      [correctionRequest(null, { raw: '{"matchId":' }), 400, 'MALFORMED_JSON'],
      [correctionRequest(null, { raw: '[]' }), 400, 'VALIDATION_FAILED'],
      [
        correctionRequest({ matchId, sets: [{ a: 1, b: 0 }] }, { type: 'text/plain' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      // The rules refuse it: set 1 is not finished at 10-8 but a set follows it.
      [
        correctionRequest({
          matchId,
          sets: [
            { a: 10, b: 8 },
            { a: 1, b: 0 },
          ],
        }),
        400,
        'VALIDATION_FAILED',
      ],
      // Beach is best of 3: no 4th set.
      [
        correctionRequest({
          matchId,
          sets: [
            { a: 21, b: 0 },
            { a: 0, b: 21 },
            { a: 15, b: 0 },
            { a: 1, b: 0 },
          ],
        }),
        400,
        'VALIDATION_FAILED',
      ],
      [correctionRequest({ matchId: 'no-such-match', sets: [{ a: 1, b: 0 }] }), 404, 'NOT_FOUND'],
    ];
    for (const [request, status, code] of cases) {
      const response = await api.postScoreCorrection(request, EVENT);
      expect([response.status, apiErrorSchema.parse(await response.json()).error.code]).toEqual([
        status,
        code,
      ]);
    }
    const wrongEvent = await api.postScoreCorrection(
      correctionRequest({ matchId, sets: [{ a: 1, b: 0 }] }),
      'no-such-event',
    );
    expect(wrongEvent.status).toBe(404);
    const badEvent = await api.postScoreCorrection(correctionRequest({}), 'bad event!');
    expect(badEvent.status).toBe(400);
    expect(await dbFingerprint(db)).toBe(fingerprint);
  });

  it('a refused correction names the rule in the details', async () => {
    const { db } = get();
    const { api } = testApi(db);
    adminCookie = (await signIn(api, DEMO.admin)).cookie;
    const matchId = await createTestMatch(db, 'beach');
    const response = await api.postScoreCorrection(
      correctionRequest({
        matchId,
        sets: [
          { a: 10, b: 8 },
          { a: 1, b: 0 },
        ],
      }),
      EVENT,
    );
    expect(response.status).toBe(400);
    const { error } = apiErrorSchema.parse(await response.json());
    expect(error.details).toEqual([
      expect.objectContaining({ path: ['sets'], code: 'INVALID_CORRECTION' }),
    ]);
  });

  it('only an admin or the scorekeeper holding the match corrects it; refusals change nothing', async () => {
    const { db } = get();
    const { api } = testApi(db);
    adminCookie = (await signIn(api, DEMO.admin)).cookie;
    const matchId = await createTestMatch(db, 'beach');
    const [scorer1, scorer2, coach] = await Promise.all([
      signIn(api, DEMO.scorer1),
      signIn(api, DEMO.scorer2),
      signIn(api, DEMO.coach),
    ]);
    const body = { matchId, sets: [{ a: 3, b: 1 }] };
    const fingerprint = await dbFingerprint(db);
    const refusals: [string, number, string][] = [
      ['', 401, 'AUTH_REQUIRED'],
      [coach.cookie, 403, 'FORBIDDEN'],
      // Nobody holds the match yet: a scorekeeper must claim it first.
      [scorer1.cookie, 403, 'CLAIM_NOT_HELD'],
    ];
    for (const [cookie, status, code] of refusals) {
      const response = await api.postScoreCorrection(correctionRequest(body, { cookie }), EVENT);
      expect([response.status, apiErrorSchema.parse(await response.json()).error.code]).toEqual([
        status,
        code,
      ]);
    }
    expect(await dbFingerprint(db)).toBe(fingerprint);
    const claim = await api.claimMatch(
      apiRequest('POST', API.claim(EVENT, matchId), {}, { cookie: scorer1.cookie }),
      EVENT,
      matchId,
    );
    expect(claim.status).toBe(201);
    const other = await api.postScoreCorrection(
      correctionRequest(body, { cookie: scorer2.cookie }),
      EVENT,
    );
    expect(apiErrorSchema.parse(await other.json()).error.code).toBe('CLAIM_NOT_HELD');
    const holder = await api.postScoreCorrection(
      correctionRequest(body, { cookie: scorer1.cookie }),
      EVENT,
    );
    expect(holder.status).toBe(201);
  });
});
