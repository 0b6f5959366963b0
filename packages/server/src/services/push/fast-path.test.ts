import { eq, sql } from 'drizzle-orm';
import {
  createTestMatch,
  dbFingerprint,
  snapshotMatch,
  statuses,
  TestClient,
  describeEachDatabase,
} from '@courtsync/server/test-support';
import { matchEvents, pushCursors } from '../../db/schema';
import { applyPush } from './apply-push';

/**
 * The push service skips its lookup of stored ops when the push cursors say every op of the
 * push is new (lock-matches.ts). These cases break that assumption on purpose — a lost
 * answer, a cursor that lags behind the log, op ids reused — and check that every op is
 * stored exactly once and answered as before, through the unique keys and the retry.
 */
describeEachDatabase('applyPush without the known-ops lookup', (get) => {
  it('answers a resent push (its answer was lost) duplicate and stores nothing twice', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const ops = client.rallies(matchId, 20, ['A', 'B']);
    expect(new Set(statuses(await applyPush(db, ops)))).toEqual(new Set(['applied']));
    const before = await dbFingerprint(db);
    // The device never saw the answer and sends the same batch again, then the next ops.
    expect(new Set(statuses(await applyPush(db, ops)))).toEqual(new Set(['duplicate']));
    expect(await dbFingerprint(db)).toBe(before);
    const next = client.rallies(matchId, 5, ['B']);
    const mixed = await applyPush(db, [...ops.slice(15), ...next]);
    expect(statuses(mixed)).toEqual([...Array(5).fill('duplicate'), ...Array(5).fill('applied')]);
    const { events } = await snapshotMatch(db, matchId);
    expect(events.map((e) => e.opId)).toEqual([...ops, ...next].map((op) => op.opId));
  });

  it('still finds stored ops when the cursor lags behind the log (retried once)', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const ops = client.rallies(matchId, 10, ['A']);
    await applyPush(db, ops);
    // A cursor that says nothing was applied yet: the push takes the fast path, its insert
    // hits the unique keys, and the retry looks every op up.
    await db.delete(pushCursors).where(eq(pushCursors.clientId, client.clientId));
    const before = await dbFingerprint(db);
    expect(new Set(statuses(await applyPush(db, ops)))).toEqual(new Set(['duplicate']));
    expect(await dbFingerprint(db)).toBe(before);
  });

  it('refuses an op id reused with a higher seq, even on the fast path', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const [first] = client.rallies(matchId, 1, ['A']);
    if (!first) throw new Error('no op');
    await applyPush(db, [first]);
    const [fresh] = client.rallies(matchId, 1, ['B']);
    if (!fresh) throw new Error('no op');
    // A buggy device: a new seq under an old op id.
    const results = await applyPush(db, [{ ...fresh, opId: first.opId }]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'OP_ID_REUSED' });
    const stored = await db.select().from(matchEvents).where(eq(matchEvents.opId, first.opId));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.seq).toBe(first.seq);
  });

  it('refuses an op id another device already used, storing that op only once', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db);
    const [a, b] = [new TestClient(), new TestClient()];
    const [taken] = a.rallies(matchId, 1, ['A']);
    if (!taken) throw new Error('no op');
    await applyPush(db, [taken]);
    const ops = b.rallies(matchId, 3, ['B']);
    const results = await applyPush(db, [ops[0], { ...ops[1], opId: taken.opId }, ops[2]]);
    // A reused op id is a stray copy: it holds nothing back (refused-ops.ts).
    expect(statuses(results)).toEqual(['applied', 'rejected:OP_ID_REUSED', 'applied']);
    const count = await db.execute(sql`select count(*)::int as n from match_events
      where client_id = ${b.clientId}`);
    expect((count as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(2);
  });
});
