import { replayFull } from '@courtsync/scoring';
import {
  createTestMatch,
  describeEachDatabase,
  push,
  snapshotMatch,
  statuses,
  TestClient,
  testApi,
} from '@courtsync/server/test-support';
import { ulid } from 'ulid';

describeEachDatabase('POST push: undo names its target', (get) => {
  it("takes back exactly the named rally and keeps another device's", async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const [a, b] = [new TestClient(), new TestClient()];
    const mine = a.rally(matchId, 'A');
    const theirs = b.rally(matchId, 'B');
    await push(api, [mine]);
    await push(api, [theirs]);
    // A positional undo would take back B's rally (the last one); the targeted one does not.
    const { results } = await push(api, [a.undo(matchId, mine.opId)]);
    expect(results[0]).toMatchObject({ status: 'applied', version: 3 });
    const { row, events } = await snapshotMatch(db, matchId);
    expect(events).toHaveLength(3);
    expect(row?.state).toEqual(replayFull('beach', [{ type: 'rally', winner: 'B' }]));
  });

  it('answers duplicate, storing nothing, for an undo of an action already undone', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const [a, b] = [new TestClient(), new TestClient()];
    const rally = a.rally(matchId, 'A');
    await push(api, [rally, a.rally(matchId, 'B')]);
    expect(statuses((await push(api, [a.undo(matchId, rally.opId)])).results)).toEqual(['applied']);
    const before = await snapshotMatch(db, matchId);
    // Both devices undid the same rally while offline: the second is a no-op, not an error.
    expect(statuses((await push(api, [b.undo(matchId, rally.opId)])).results)).toEqual([
      'duplicate',
    ]);
    const after = await snapshotMatch(db, matchId);
    expect(after.events).toEqual(before.events);
    expect(after.row?.version).toBe(before.row?.version);
    // The device can still use the seq it spent on the duplicate's successor.
    expect(statuses((await push(api, [b.rally(matchId, 'A')])).results)).toEqual(['applied']);
  });

  it('refuses an undo naming an action this match never had (NOTHING_TO_UNDO)', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const [matchId, other] = [await createTestMatch(db), await createTestMatch(db)];
    const a = new TestClient();
    const elsewhere = a.rally(other, 'A');
    await push(api, [a.rally(matchId, 'A'), elsewhere]);
    const { results } = await push(api, [
      new TestClient().undo(matchId, ulid()),
      new TestClient().undo(matchId, elsewhere.opId),
    ]);
    expect(statuses(results)).toEqual(['rejected:NOTHING_TO_UNDO', 'rejected:NOTHING_TO_UNDO']);
    expect((await snapshotMatch(db, matchId)).events).toHaveLength(1);
  });

  it('recomputes the score after an undone rally that later rallies built on', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db, 'indoor');
    const [a, b] = [new TestClient(), new TestClient()];
    const first = a.rally(matchId, 'A');
    await push(api, [first, ...b.rallies(matchId, 3, ['B', 'A', 'B'])]);
    await push(api, [a.undo(matchId, first.opId)]);
    const { row } = await snapshotMatch(db, matchId);
    const winners = ['B', 'A', 'B'] as const;
    expect(row?.state).toEqual(
      replayFull(
        'indoor',
        winners.map((winner) => ({ type: 'rally', winner })),
      ),
    );
  });

  it('keeps a payload-less undo positional (clients before targeted undo)', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const [a, b] = [new TestClient(), new TestClient()];
    await push(api, [a.rally(matchId, 'A')]);
    await push(api, [b.rally(matchId, 'B')]);
    expect(statuses((await push(api, [a.undo(matchId)])).results)).toEqual(['applied']);
    const { row } = await snapshotMatch(db, matchId);
    expect(row?.state).toEqual(replayFull('beach', [{ type: 'rally', winner: 'A' }]));
  });

  it('refuses a rally after the end of the match (MATCH_FINISHED)', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const a = new TestClient();
    await push(api, a.rallies(matchId, 42, ['A']));
    const { results } = await push(api, [new TestClient().rally(matchId, 'B')]);
    expect(statuses(results)).toEqual(['rejected:MATCH_FINISHED']);
  });

  it("holds a client's later ops of a match behind its refused op (HELD), nothing else", async () => {
    const { db } = get();
    const { api } = testApi(db);
    const [matchId, other] = [await createTestMatch(db), await createTestMatch(db)];
    const [a, b] = [new TestClient(), new TestClient()];
    await push(api, [a.rally(matchId, 'A')]);
    const refused = a.undo(matchId, ulid());
    const ops = [
      refused,
      a.rally(matchId, 'A'),
      b.rally(matchId, 'B'),
      a.rally(other, 'A'),
      a.rally(matchId, 'B'),
    ];
    const { results } = await push(api, ops);
    expect(statuses(results)).toEqual([
      'rejected:NOTHING_TO_UNDO',
      'rejected:HELD',
      'applied',
      'applied',
      'rejected:HELD',
    ]);
    const held = results[1];
    expect(held?.status === 'rejected' && held.message).toContain(refused.opId);
    const { events } = await snapshotMatch(db, matchId);
    expect(events.map((e) => e.clientId)).toEqual([a.clientId, b.clientId]);
  });

  it('holds the ops after an invalid op of the same match and client', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const a = new TestClient();
    const { results } = await push(api, [
      a.rally(matchId, 'A'),
      { ...a.rally(matchId, 'A'), payload: { winner: 'C' } },
      a.rally(matchId, 'B'),
    ]);
    expect(statuses(results)).toEqual(['applied', 'rejected:INVALID_OP', 'rejected:HELD']);
  });
});
