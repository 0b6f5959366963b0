import { eq, sql } from 'drizzle-orm';
import { Client } from 'pg';
import {
  createTestMatch,
  dbFingerprint,
  snapshotMatch,
  statuses,
  storedCounts,
  TestClient,
  describeEachDatabase,
} from '@courtsync/server/test-support';
import { feedHead, matches, matchEvents, pushCursors } from '../../db/schema';
import { applyPush } from './apply-push';

/** The backend of `url`'s database waiting for a lock, once there is one. */
async function waitingBackend(admin: Client): Promise<number> {
  for (let i = 0; i < 200; i += 1) {
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no push is waiting for the match lock');
}

/**
 * The push sends its writes together with COMMIT (push-session.ts). These cases break a push
 * between its statements and check that nothing of it is kept, and that the device's resend
 * then stores every op exactly once.
 */
describeEachDatabase('applyPush when its transaction breaks half-way', (get, driver) => {
  const pgOnly = driver === 'pg' ? it : it.skip;

  it('rolls a push back whole when its last statement fails, and applies the resend once', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const first = client.rallies(matchId, 10, ['A', 'B']);
    expect(new Set(statuses(await applyPush(db, first)))).toEqual(new Set(['applied']));
    // Without the feed_head row the event inserts fail after the match, cursor and review
    // writes of the same push went through: all of them must be undone.
    const [head] = await db.select().from(feedHead);
    await db.delete(feedHead);
    const before = await dbFingerprint(db);
    const batch = [...first.slice(5), ...client.rallies(matchId, 10, ['B'])];
    try {
      await expect(applyPush(db, batch)).rejects.toThrow();
      expect(await dbFingerprint(db)).toBe(before);
      const [cursor] = await db
        .select()
        .from(pushCursors)
        .where(eq(pushCursors.clientId, client.clientId));
      expect(cursor?.lastSeq).toBe(10);
    } finally {
      if (head) await db.insert(feedHead).values(head);
    }
    // The device never got an answer and sends the batch again.
    const results = statuses(await applyPush(db, batch));
    expect(results).toEqual([...Array(5).fill('duplicate'), ...Array(10).fill('applied')]);
    const counts = await storedCounts(db, matchId);
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const { row, events } = await snapshotMatch(db, matchId);
    expect(row?.version).toBe(20);
    expect(events.map((e) => e.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('answers an op stored under another match as before, even sent first to a fresh match', async () => {
    const { db } = get();
    const stored = await createTestMatch(db);
    const fresh = await createTestMatch(db);
    const client = new TestClient();
    const ops = client.rallies(stored, 2, ['A']);
    await applyPush(db, ops);
    // A fresh match skips the lookup (nothing of it can be stored): the unique keys catch the
    // copy, and the retry with the lookup answers it as the lookup always did.
    const copy = { ...ops[0], matchId: fresh };
    const next = client.rally(fresh, 'B');
    expect(statuses(await applyPush(db, [copy, next]))).toEqual(['duplicate', 'applied']);
    expect([...(await storedCounts(db, stored)).values()]).toEqual([1, 1]);
    expect([...(await storedCounts(db, fresh)).keys()]).toEqual([next.opId]);
  });

  pgOnly('drops a connection cut mid-push and stores the resent batch once', async () => {
    const { db, url } = get();
    if (!url) throw new Error('pg target without url');
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const applied = client.rallies(matchId, 4, ['A']);
    await applyPush(db, applied);
    const batch = [...applied.slice(2), ...client.rallies(matchId, 6, ['B'])];
    const holder = new Client({ connectionString: url });
    const admin = new Client({ connectionString: url });
    await Promise.all([holder.connect(), admin.connect()]);
    try {
      // Another session holds the match row: the push stops after BEGIN, at its lock.
      await holder.query('begin');
      await holder.query('select id from matches where id = $1 for update', [matchId]);
      const push = applyPush(db, batch);
      const pid = await waitingBackend(admin);
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await expect(push).rejects.toThrow();
      await holder.query('rollback');
      expect((await storedCounts(db, matchId)).size).toBe(4);
      // The pool handed the dead connection back closed: the next pushes run normally.
      const results = statuses(await applyPush(db, batch));
      expect(results).toEqual([...Array(2).fill('duplicate'), ...Array(6).fill('applied')]);
      const counts = await storedCounts(db, matchId);
      expect(counts.size).toBe(10);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const [match] = await db
        .select({ version: matches.version })
        .from(matches)
        .where(eq(matches.id, matchId));
      expect(match?.version).toBe(10);
      const [{ n } = { n: -1 }] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(matchEvents)
        .where(eq(matchEvents.matchId, matchId));
      expect(n).toBe(10);
    } finally {
      await holder.end().catch(() => undefined);
      await admin.end().catch(() => undefined);
    }
  });
});
