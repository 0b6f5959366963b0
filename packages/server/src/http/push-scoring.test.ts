import { replayFull } from '@courtsync/scoring';
import {
  createTestMatch,
  dbFingerprint,
  push,
  scoringEventsOf,
  snapshotMatch,
  statuses,
  TestClient,
  testApi,
  describeEachDatabase,
} from '@courtsync/server/test-support';

describeEachDatabase('POST push: scoring and concurrency', (get) => {
  it('undoes across a set end and keeps state equal to replayFull()', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db, 'beach');
    const client = new TestClient();
    await push(api, client.rallies(matchId, 21, ['A']));
    let { row } = await snapshotMatch(db, matchId);
    expect(row?.state.setsWon).toEqual({ A: 1, B: 0 });
    expect(row?.state.sets).toEqual([
      { a: 21, b: 0, winner: 'A' },
      { a: 0, b: 0 },
    ]);

    const { results } = await push(api, [client.undo(matchId)]);
    expect(results[0]).toMatchObject({ status: 'applied', version: 22 });
    const snap = await snapshotMatch(db, matchId);
    row = snap.row;
    expect(row?.state.sets).toEqual([{ a: 20, b: 0 }]);
    expect(row?.state.setsWon).toEqual({ A: 0, B: 0 });
    expect(row?.state).toEqual(replayFull('beach', scoringEventsOf(snap.events)));
    expect(row?.eventCount).toBe(22);
  });

  it('answers NOTHING_TO_UNDO on an empty log and MATCH_FINISHED after the end', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db, 'beach');
    const client = new TestClient();
    expect(statuses((await push(api, [client.undo(matchId)])).results)).toEqual([
      'rejected:NOTHING_TO_UNDO',
    ]);
    expect((await snapshotMatch(db, matchId)).row?.status).toBe('scheduled');

    const finishing = await push(api, client.rallies(matchId, 42, ['B']));
    expect(finishing.results.every((r) => r.status === 'applied')).toBe(true);
    let { row } = await snapshotMatch(db, matchId);
    expect(row?.status).toBe('finished');
    expect(row?.state.winner).toBe('B');
    const before = await dbFingerprint(db);

    const late = await push(api, [client.rally(matchId, 'A')]);
    expect(late.results[0]).toMatchObject({ status: 'rejected', code: 'MATCH_FINISHED' });
    expect(await dbFingerprint(db)).toBe(before);

    // Undo of the final point reopens the match (how a scorekeeper corrects it).
    await push(api, [client.undo(matchId)]);
    ({ row } = await snapshotMatch(db, matchId));
    expect(row?.status).toBe('live');
    expect(row?.state.winner).toBeUndefined();
    expect(row?.version).toBe(43);
  });

  it('applies identical concurrent pushes exactly once', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db, 'indoor');
    const ops = new TestClient().rallies(matchId, 30, ['A', 'B', 'B']);
    const answers = await Promise.all(Array.from({ length: 6 }, () => push(api, ops)));

    // Per op: applied exactly once over all pushes, duplicate in every other.
    ops.forEach((op, i) => {
      const verdicts = answers.map((a) => a.results[i]?.status);
      expect(verdicts.filter((s) => s === 'applied')).toHaveLength(1);
      expect(verdicts.filter((s) => s === 'duplicate')).toHaveLength(5);
    });
    const { row, events } = await snapshotMatch(db, matchId);
    expect(events.map((e) => e.opId)).toEqual(ops.map((op) => op.opId));
    expect(row?.version).toBe(30);
    expect(row?.eventCount).toBe(30);
    expect(row?.state).toEqual(replayFull('indoor', scoringEventsOf(events)));
  });

  it('serializes concurrent pushes of many clients to one match', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db, 'indoor');
    const clients = Array.from({ length: 8 }, () => new TestClient());
    const batches = clients.map((c) => [
      c.rally(matchId, 'A'),
      c.rally(matchId, 'B'),
      c.undo(matchId),
      c.rally(matchId, 'B'),
    ]);
    const answers = await Promise.all(batches.map((ops) => push(api, ops)));
    expect(answers.flatMap((a) => statuses(a.results))).toEqual(Array(32).fill('applied'));

    const { row, events } = await snapshotMatch(db, matchId);
    expect(events.map((e) => e.position)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    for (const c of clients) {
      const seqs = events.filter((e) => e.clientId === c.clientId).map((e) => e.seq);
      expect(seqs).toEqual([1, 2, 3, 4]);
    }
    // Versions handed out are unique and match the positions of the ops.
    const versions = answers.flatMap((a) =>
      a.results.map((r) => (r.status === 'applied' ? r.version : 0)),
    );
    expect(new Set(versions).size).toBe(32);
    const positionOf = new Map(events.map((e) => [e.opId, e.position]));
    batches.flat().forEach((op, i) => expect(versions[i]).toBe(positionOf.get(op.opId)));
    expect(row?.version).toBe(32);
    expect(row?.eventCount).toBe(32);
    expect(row?.state).toEqual(replayFull('indoor', scoringEventsOf(events)));
  });

  it('keeps state equal to replayFull() of the stored log over a long random game', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db, 'beach');
    const client = new TestClient();
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let batch = 0; batch < 8; batch += 1) {
      const ops = Array.from({ length: 20 }, () =>
        random() < 0.15 ? client.undo(matchId) : client.rally(matchId, random() < 0.55 ? 'A' : 'B'),
      );
      await push(api, ops);
      const { row, events } = await snapshotMatch(db, matchId);
      expect(row?.state).toEqual(replayFull('beach', scoringEventsOf(events)));
      expect(row?.eventCount).toBe(events.length);
      expect(row?.version).toBe(events.length);
    }
  });
});
