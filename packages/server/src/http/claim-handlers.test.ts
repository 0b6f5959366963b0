import {
  apiErrorSchema,
  API,
  claimListSchema,
  claimStatusSchema,
  coveragePlanSchema,
  pushResponseSchema,
  reviewListSchema,
  type Op,
} from '@courtsync/protocol';
import {
  apiRequest,
  createTestMatch,
  DEMO,
  describeEachDatabase,
  signIn,
  snapshotMatch,
  statuses,
  TestClient,
  testApi,
  type TestSession,
} from '@courtsync/server/test-support';
import { DEMO_TOURNAMENT_ID as E } from '../db/seed';
import type { ApiHandlers } from './api-handlers';

const REQUIRED = { auth: { mode: 'required' as const }, rateLimits: { store: 'off' as const } };

describeEachDatabase('match claims, review list and coverage plans (F4, F5)', (get) => {
  let api: ApiHandlers;
  let admin: TestSession;
  let sam: TestSession;
  let kim: TestSession;
  beforeAll(async () => {
    api = testApi(get().db, REQUIRED).api;
    [admin, sam, kim] = await Promise.all([
      signIn(api, DEMO.admin),
      signIn(api, DEMO.scorer1),
      signIn(api, DEMO.scorer2),
    ]);
  });

  const claim = (who: TestSession, matchId: string, body?: unknown) =>
    api.claimMatch(
      apiRequest('POST', API.claim(E, matchId), body, { cookie: who.cookie }),
      E,
      matchId,
    );
  const push = async (who: TestSession | undefined, ops: Op[], target = api) => {
    const headers: Record<string, string> = who ? { cookie: who.cookie } : {};
    const response = await target.push(apiRequest('POST', API.push, { ops }, headers));
    expect(response.status).toBe(200);
    return pushResponseSchema.parse(await response.json()).results;
  };
  const review = async (matchId: string) =>
    reviewListSchema.parse(
      await (
        await api.listReview(
          apiRequest('GET', `${API.review}?match=${matchId}`, undefined, { cookie: admin.cookie }),
        )
      ).json(),
    ).ops;

  it('claims a free match for 3 h, renews it for its holder, refuses it to another', async () => {
    const m = await createTestMatch(get().db);
    const first = await claim(sam, m);
    expect(first.status).toBe(201);
    const { claim: held } = claimStatusSchema.parse(await first.json());
    expect(held).toMatchObject({
      matchId: m,
      eventId: E,
      userId: 'u-scorer1',
      userName: 'Sam Scorer',
    });
    const hours = (Date.parse(held!.expiresAt) - Date.parse(held!.claimedAt)) / 3_600_000;
    expect(hours).toBeCloseTo(3, 5);
    expect((await claim(sam, m)).status).toBe(200);

    const taken = await claim(kim, m);
    expect(taken.status).toBe(409);
    const { error } = apiErrorSchema.parse(await taken.json());
    expect(error.code).toBe('CLAIM_HELD');
    expect(error.message).toMatch(/Sam Scorer/);

    const listed = claimListSchema.parse(
      await (
        await api.listClaims(apiRequest('GET', API.claims(E), undefined, { cookie: kim.cookie }), E)
      ).json(),
    );
    expect(listed.claims.map((c) => c.matchId)).toContain(m);
  });

  it('refuses a bad expiry, an unknown match and a match of another event', async () => {
    const m = await createTestMatch(get().db);
    const past = await claim(sam, m, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.status).toBe(400);
    const far = await claim(sam, m, {
      expiresAt: new Date(Date.now() + 25 * 3_600_000).toISOString(),
    });
    expect(far.status).toBe(400);
    expect((await claim(sam, 'no-such-match')).status).toBe(404);
    const other = await api.claimMatch(
      apiRequest('POST', API.claim('other-event', m), undefined, { cookie: sam.cookie }),
      'other-event',
      m,
    );
    expect(other.status).toBe(404);
  });

  it('an expired claim is free again', async () => {
    const m = await createTestMatch(get().db);
    const soon = new Date(Date.now() + 1000).toISOString();
    expect((await claim(sam, m, { expiresAt: soon })).status).toBe(201);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await claim(kim, m)).status).toBe(201);
  });

  it('release: the holder or an admin, nobody else', async () => {
    const m = await createTestMatch(get().db);
    await claim(sam, m);
    const release = (who: TestSession) =>
      api.releaseClaim(
        apiRequest('DELETE', API.claim(E, m), undefined, { cookie: who.cookie }),
        E,
        m,
      );
    const byKim = await release(kim);
    expect(byKim.status).toBe(403);
    expect(apiErrorSchema.parse(await byKim.json()).error.code).toBe('CLAIM_NOT_HELD');
    expect((await release(sam)).status).toBe(204);
    expect((await release(sam)).status).toBe(404);
    await claim(kim, m);
    expect((await release(admin)).status).toBe(204);
  });

  it('pushes: the holder writes; another scorekeeper is refused CLAIM_NOT_HELD into the review list', async () => {
    const m = await createTestMatch(get().db);
    await claim(sam, m);
    const samDevice = new TestClient();
    const kimDevice = new TestClient();
    expect(statuses(await push(sam, samDevice.rallies(m, 2)))).toEqual(['applied', 'applied']);
    const kimOps = kimDevice.rallies(m, 3, ['B']);
    // Each op is refused on its own (none HELD): all three wait in the review list.
    expect(statuses(await push(kim, kimOps))).toEqual(Array(3).fill('rejected:CLAIM_NOT_HELD'));
    expect(statuses(await push(kim, kimOps))).toEqual(Array(3).fill('rejected:CLAIM_NOT_HELD'));
    const listed = await review(m);
    expect(listed.map((r) => r.op.opId).sort()).toEqual(kimOps.map((o) => o.opId).sort());
    expect(listed.every((r) => r.status === 'pending' && r.userId === 'u-scorer2')).toBe(true);
    expect((await snapshotMatch(get().db, m)).events).toHaveLength(2);

    // An admin writes without a claim; a free match takes nobody's pushes but an admin's.
    expect(statuses(await push(admin, [new TestClient().rally(m, 'A')]))).toEqual(['applied']);
    const free = await createTestMatch(get().db);
    expect(statuses(await push(sam, [samDevice.rally(free, 'A')]))).toEqual([
      'rejected:CLAIM_NOT_HELD',
    ]);
  });

  it('handover: the new holder goes on, the old one is refused; the review list is decided once', async () => {
    const m = await createTestMatch(get().db);
    await claim(sam, m);
    const samDevice = new TestClient();
    const kimDevice = new TestClient();
    await push(sam, samDevice.rallies(m, 1));
    const refused = kimDevice.rallies(m, 2, ['B']);
    await push(kim, refused);

    const handover = await api.handoverClaim(
      apiRequest('POST', API.handover(E, m), { userId: 'u-scorer2' }, { cookie: admin.cookie }),
      E,
      m,
    );
    expect(handover.status).toBe(200);
    expect(claimStatusSchema.parse(await handover.json()).claim?.userId).toBe('u-scorer2');
    expect(statuses(await push(sam, [samDevice.rally(m, 'A')]))).toEqual([
      'rejected:CLAIM_NOT_HELD',
    ]);

    // Kim sends the first refused op again, now holding the claim: applied, review says so.
    expect(statuses(await push(kim, [refused[0]!]))).toEqual(['applied']);
    // The admin accepts the second: applied once; accepting again or Kim resending is nothing new.
    const accept = (opId: string) =>
      api.acceptReview(
        apiRequest('POST', API.reviewAccept(opId), undefined, { cookie: admin.cookie }),
        opId,
      );
    expect((await accept(refused[1]!.opId)).status).toBe(200);
    expect((await accept(refused[1]!.opId)).status).toBe(409);
    expect(statuses(await push(kim, [refused[1]!]))).toEqual(['duplicate']);
    const byOp = new Map((await review(m)).map((r) => [r.op.opId, r.status]));
    expect(byOp.get(refused[0]!.opId)).toBe('applied');
    expect(byOp.get(refused[1]!.opId)).toBe('accepted');
    const events = (await snapshotMatch(get().db, m)).events;
    expect(
      events.map((e) => e.opId).filter((id) => refused.some((o) => o.opId === id)),
    ).toHaveLength(2);
    expect(new Set(events.map((e) => e.opId)).size).toBe(events.length);

    // Sam's refused op is dismissed: it stays out of the match.
    const samRefused = (await review(m)).find((r) => r.status === 'pending');
    expect(samRefused?.userId).toBe('u-scorer1');
    const dismissed = await api.dismissReview(
      apiRequest('POST', API.reviewDismiss(samRefused!.op.opId), undefined, {
        cookie: admin.cookie,
      }),
      samRefused!.op.opId,
    );
    expect(dismissed.status).toBe(200);
    expect((await snapshotMatch(get().db, m)).events).toHaveLength(events.length);
  });

  it('handover only to an active scorekeeper or admin', async () => {
    const m = await createTestMatch(get().db);
    const to = (userId: string) =>
      api.handoverClaim(
        apiRequest('POST', API.handover(E, m), { userId }, { cookie: admin.cookie }),
        E,
        m,
      );
    expect((await to('u-coach')).status).toBe(400);
    expect((await to('u-nobody')).status).toBe(404);
    expect((await to('u-admin')).status).toBe(200);
  });

  it('open mode: the anonymous write only matches nobody holds', async () => {
    const open = testApi(get().db, { auth: { mode: 'open' }, rateLimits: { store: 'off' } }).api;
    const free = await createTestMatch(get().db);
    const held = await createTestMatch(get().db);
    await claim(sam, held);
    const device = new TestClient();
    expect(statuses(await push(undefined, [device.rally(free, 'A')], open))).toEqual(['applied']);
    expect(statuses(await push(undefined, [device.rally(held, 'A')], open))).toEqual([
      'rejected:CLAIM_NOT_HELD',
    ]);
    // Required mode: the anonymous may not push at all.
    const anonymous = await api.push(
      apiRequest('POST', API.push, { ops: [device.rally(free, 'A')] }),
    );
    expect(anonymous.status).toBe(401);
  });

  it('coverage plans: per user and event, unknown matches refused', async () => {
    const coach = await signIn(api, DEMO.coach);
    const media = await signIn(api, DEMO.media);
    const put = (who: TestSession, selectedMatches: unknown) =>
      api.putCoveragePlan(
        apiRequest('PUT', API.coveragePlans(E), { selectedMatches }, { cookie: who.cookie }),
        E,
      );
    const read = async (who: TestSession) =>
      coveragePlanSchema.parse(
        await (
          await api.getCoveragePlan(
            apiRequest('GET', API.coveragePlans(E), undefined, { cookie: who.cookie }),
            E,
          )
        ).json(),
      );
    expect((await read(coach)).selectedMatches).toEqual([]);
    expect((await put(coach, ['demo-beach-2', 'demo-indoor-1', 'demo-beach-2'])).status).toBe(200);
    expect((await read(coach)).selectedMatches).toEqual(['demo-beach-2', 'demo-indoor-1']);
    expect((await read(media)).selectedMatches).toEqual([]);
    const bad = await put(coach, ['demo-beach-2', 'nope']);
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(await bad.json()).error.details).toEqual([
      { path: ['selectedMatches', 1], message: expect.stringMatching(/nope/) },
    ]);
    const del = await api.deleteCoveragePlan(
      apiRequest('DELETE', API.coveragePlans(E), undefined, { cookie: coach.cookie }),
      E,
    );
    expect(del.status).toBe(204);
    expect((await read(coach)).selectedMatches).toEqual([]);
    const unknown = await api.getCoveragePlan(
      apiRequest('GET', API.coveragePlans('no-event'), undefined, { cookie: coach.cookie }),
      'no-event',
    );
    expect(unknown.status).toBe(404);
  });
});
