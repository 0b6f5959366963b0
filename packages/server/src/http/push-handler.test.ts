import { pushResponseSchema } from '@courtsync/protocol';
import { replayFull } from '@courtsync/scoring';
import { ulid } from 'ulid';
import {
  createTestMatch,
  dbFingerprint,
  push,
  pushRequest,
  scoringEventsOf,
  snapshotMatch,
  statuses,
  TestClient,
  testApi,
  describeEachDatabase,
} from '@courtsync/server/test-support';

describeEachDatabase('POST push', (get) => {
  it('applies a batch and answers per op, in request order, with versions', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const ops = client.rallies(matchId, 3, ['A', 'B']);

    const response = await api.push(pushRequest({ ops }, { headers: { 'x-request-id': 'req-1' } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-request-id')).toBe('req-1');
    const body = pushResponseSchema.parse(await response.json());
    expect(body.results).toEqual(
      ops.map((op, i) => ({ opId: op.opId, seq: op.seq, status: 'applied', version: i + 1 })),
    );

    const { row, events } = await snapshotMatch(db, matchId);
    expect(row?.status).toBe('live');
    expect(row?.version).toBe(3);
    expect(row?.eventCount).toBe(3);
    expect(events.map((e) => [e.position, e.opId])).toEqual(ops.map((op, i) => [i + 1, op.opId]));
    expect(row?.state).toEqual(replayFull('beach', scoringEventsOf(events)));
  });

  it('answers duplicate for a batch sent twice and leaves the log unchanged', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const ops = new TestClient().rallies(matchId, 5);
    expect(statuses((await push(api, ops)).results)).toEqual(Array(5).fill('applied'));
    const before = await dbFingerprint(db);

    const again = await push(api, ops);
    expect(again.results).toEqual(
      ops.map((op) => ({ opId: op.opId, seq: op.seq, status: 'duplicate' })),
    );
    expect(await dbFingerprint(db)).toBe(before);
  });

  it('applies an op repeated inside one batch once', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const [a, b] = new TestClient().rallies(matchId, 2);
    const { results } = await push(api, [a, a, b, a]);
    expect(statuses(results)).toEqual(['applied', 'duplicate', 'applied', 'duplicate']);
    expect((await snapshotMatch(db, matchId)).events).toHaveLength(2);
  });

  it('applies a shuffled batch in seq order but answers in request order', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const [r1, r2, u3, r4] = [
      client.rally(matchId, 'A'),
      client.rally(matchId, 'B'),
      client.undo(matchId),
      client.rally(matchId, 'A'),
    ];
    const { results } = await push(api, [r4, u3, r1, r2]);
    // Request order in the answer; versions reveal the order of application (seq order).
    expect(results.map((r) => (r.status === 'applied' ? [r.seq, r.version] : r.status))).toEqual([
      [4, 4],
      [3, 3],
      [1, 1],
      [2, 2],
    ]);
    const { row, events } = await snapshotMatch(db, matchId);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(row?.state.sets).toEqual([{ a: 2, b: 0 }]);
  });

  it('rejects ops older than what a client already applied to the match (OUT_OF_ORDER)', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const [o1, o2, o3, o4] = client.rallies(matchId, 4);
    expect(statuses((await push(api, [o3, o4])).results)).toEqual(['applied', 'applied']);
    const before = await dbFingerprint(db);

    const late = await push(api, [o1, o2]);
    // o2 waits behind the refused o1 (HELD): a push never applies past a refused op of a match.
    expect(statuses(late.results)).toEqual(['rejected:OUT_OF_ORDER', 'rejected:HELD']);
    expect(await dbFingerprint(db)).toBe(before);

    // A lower seq on ANOTHER match is fine: the client flushes matches by priority (F11).
    const other = await createTestMatch(db);
    const { results } = await push(api, [{ ...o1, opId: ulid(), matchId: other }]);
    expect(statuses(results)).toEqual(['applied']);
  });

  it('applies the good ops of a mixed batch and answers each bad one with its code', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const stored = client.rally(matchId, 'A');
    await push(api, [stored]);

    const good1 = client.rally(matchId, 'B');
    const badWinner = { ...client.rally(matchId, 'A'), payload: { winner: 'C' } };
    const badTime = { ...client.rally(matchId, 'A'), clientTime: 'yesterday' };
    const unknownType = { ...client.rally(matchId, 'A'), type: 'timeout' };
    const unknownMatch = client.rally('no-such-match', 'A');
    const opIdReused = { ...client.rally(matchId, 'A'), opId: stored.opId };
    const seqReused = { ...client.rally(matchId, 'A'), seq: stored.seq };
    const good2 = client.rally(matchId, 'B');
    const { results } = await push(api, [
      good1,
      badWinner,
      badTime,
      unknownType,
      unknownMatch,
      opIdReused,
      seqReused,
      good2,
    ]);
    expect(statuses(results)).toEqual([
      'applied',
      'rejected:INVALID_OP',
      'rejected:INVALID_OP',
      'rejected:INVALID_OP',
      'rejected:UNKNOWN_MATCH',
      'rejected:OP_ID_REUSED',
      'rejected:SEQ_REUSED',
      // Held behind badWinner, this client's first refused op of the match (reuses hold nothing).
      'rejected:HELD',
    ]);
    const messages = results.map((r) => (r.status === 'rejected' ? r.message : ''));
    expect(messages[1]).toMatch(/payload\.winner/);
    expect(messages[2]).toMatch(/clientTime/);
    expect(messages[4]).toContain('no-such-match');

    const { row, events } = await snapshotMatch(db, matchId);
    expect(events.map((e) => e.opId)).toEqual([stored.opId, good1.opId]);
    expect(row?.state.sets).toEqual([{ a: 1, b: 1 }]);
    expect(row?.version).toBe(2);
  });

  it('rejects reuse of an opId or a seq inside one batch', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const a = client.rally(matchId, 'A');
    const b = client.rally(matchId, 'B');
    const { results } = await push(api, [a, { ...b, opId: a.opId }, { ...b, seq: a.seq }, b]);
    expect(statuses(results)).toEqual([
      'applied',
      'rejected:OP_ID_REUSED',
      'rejected:SEQ_REUSED',
      'applied',
    ]);
  });

  it('records the push cursor of each client', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    await push(api, client.rallies(matchId, 3));
    await push(api, client.rallies(matchId, 2));
    const fingerprint = JSON.parse(await dbFingerprint(db)) as {
      cursorRows: { clientId: string; lastSeq: number; opsApplied: number }[];
    };
    expect(fingerprint.cursorRows.find((c) => c.clientId === client.clientId)).toMatchObject({
      lastSeq: 5,
      opsApplied: 5,
    });
  });

  it('accepts a gzip-compressed body (F19)', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db);
    const ops = new TestClient().rallies(matchId, 10);
    const response = await api.push(pushRequest({ ops }, { gzip: true }));
    expect(response.status).toBe(200);
    const body = pushResponseSchema.parse(await response.json());
    expect(statuses(body.results)).toEqual(Array(10).fill('applied'));
  });
});
