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

describeEachDatabase('POST push: the full scoring rules (F3, F41)', (get) => {
  it('applies one of each new action and stores the full state of the log', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db, 'indoor');
    const client = new TestClient();
    const ops = [
      client.action(matchId, 'first-server', { team: 'B', left: 'B' }),
      client.rally(matchId, 'A'),
      client.action(matchId, 'timeout', { team: 'B' }),
      client.action(matchId, 'substitution', { team: 'A', playerOut: 4, playerIn: 14 }),
      client.action(matchId, 'sanction', { team: 'B', sanction: 'penalty', player: 7 }),
      client.action(matchId, 'correction', { sets: [{ a: 3, b: 1 }] }),
    ];
    const { results } = await push(api, ops);
    expect(statuses(results)).toEqual(ops.map(() => 'applied'));

    const { row, events } = await snapshotMatch(db, matchId);
    expect(events.map((e) => e.type)).toEqual([
      'first-server',
      'rally',
      'timeout',
      'substitution',
      'sanction',
      'correction',
    ]);
    expect(row?.state).toEqual(replayFull('indoor', scoringEventsOf(events)));
    expect(row?.state).toMatchObject({
      sets: [{ a: 3, b: 1 }],
      serving: 'A',
      sides: { left: 'B', right: 'A' },
      timeoutsLeft: { A: 2, B: 1 },
      substitutionsLeft: { A: 5, B: 6 },
      sanctions: [{ team: 'B', sanction: 'penalty', player: 7, set: 1, at: { a: 1, b: 0 } }],
      actions: 6,
    });
  });

  it('refuses what the rules forbid with the rule’s code, changing nothing', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const beach = await createTestMatch(db, 'beach');
    const indoor = await createTestMatch(db, 'indoor');
    const client = new TestClient();
    await push(api, [
      client.action(beach, 'timeout', { team: 'A' }),
      client.action(beach, 'sanction', { team: 'A', sanction: 'warning' }),
      client.rally(beach, 'B'),
    ]);
    await push(api, [
      ...[1, 2, 3, 4, 5, 6].map((n) =>
        client.action(indoor, 'substitution', { team: 'B', playerOut: n, playerIn: n + 10 }),
      ),
    ]);
    const before = await dbFingerprint(db);

    // One device per refusal: a refused op holds back its own device's later ops (HELD).
    const cases = [
      [client, beach, 'timeout', { team: 'A' }, 'TIMEOUTS_EXHAUSTED'],
      [
        new TestClient(),
        beach,
        'substitution',
        { team: 'A', playerOut: 1, playerIn: 2 },
        'SUBSTITUTIONS_NOT_ALLOWED',
      ],
      [
        new TestClient(),
        beach,
        'sanction',
        { team: 'A', sanction: 'warning' },
        'WARNING_ALREADY_GIVEN',
      ],
      [new TestClient(), beach, 'first-server', { team: 'B' }, 'SET_ALREADY_STARTED'],
      [new TestClient(), beach, 'correction', { sets: [{ a: 30, b: 3 }] }, 'INVALID_CORRECTION'],
      [
        new TestClient(),
        indoor,
        'substitution',
        { team: 'B', playerOut: 11, playerIn: 1 },
        'SUBSTITUTIONS_EXHAUSTED',
      ],
      [
        new TestClient(),
        indoor,
        'substitution',
        { team: 'A', playerOut: 5, playerIn: 5 },
        'ILLEGAL_SUBSTITUTION',
      ],
    ] as const;
    for (const [device, matchId, type, payload, code] of cases) {
      const op = device.action(matchId, type, payload as never);
      const { results } = await push(api, [op]);
      expect(results[0]).toMatchObject({ status: 'rejected', code });
      expect(results[0]).toHaveProperty('message', expect.stringMatching(/\w/));
    }
    expect(await dbFingerprint(db)).toBe(before);
  });

  it('refuses a malformed payload as INVALID_OP', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db, 'indoor');
    const client = new TestClient();
    const op = client.action(matchId, 'substitution', { team: 'A', playerOut: 0, playerIn: 100 });
    expect(statuses((await push(api, [op])).results)).toEqual(['rejected:INVALID_OP']);
  });

  it('undoes a timeout named by its opId, and a penalty that ended a set', async () => {
    const { db } = get();
    const { api } = testApi(db);
    const matchId = await createTestMatch(db, 'beach');
    const client = new TestClient();
    const timeout = client.action(matchId, 'timeout', { team: 'A' });
    const rallies = client.rallies(matchId, 20, ['B']);
    const penalty = client.action(matchId, 'sanction', { team: 'A', sanction: 'penalty' });
    await push(api, [timeout, ...rallies, penalty]);
    let { row } = await snapshotMatch(db, matchId);
    expect(row?.state.sets).toEqual([
      { a: 0, b: 21, winner: 'B' },
      { a: 0, b: 0 },
    ]);

    const undos = [client.undo(matchId, penalty.opId), client.undo(matchId, timeout.opId)];
    expect(statuses((await push(api, undos)).results)).toEqual(['applied', 'applied']);
    const snap = await snapshotMatch(db, matchId);
    row = snap.row;
    expect(row?.state).toMatchObject({ sets: [{ a: 0, b: 20 }], timeoutsLeft: { A: 1, B: 1 } });
    expect(row?.state.sanctions).toEqual([]);
    expect(row?.status).toBe('live');
  });
});
