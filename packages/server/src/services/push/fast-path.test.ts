import type { Op, SessionUser } from '@courtsync/protocol';
import { eq, sql } from 'drizzle-orm';
import {
  createTestMatch,
  dbFingerprint,
  snapshotMatch,
  statuses,
  TestClient,
  describeEachDatabase,
} from '@courtsync/server/test-support';
import { matchEvents, matchClaims, pushCursors, reviewOps } from '../../db/schema';
import { DEMO_TOURNAMENT_ID } from '../../db/seed';
import type { Database } from '../../db/types';
import { claimMatch } from '../claims/claims';
import type { WriteAccess } from '../claims/write-access';
import { applyPush, applyReadOps } from './apply-push';
import { readOps } from './validate-ops';

const SAM: SessionUser = {
  id: 'u-scorer1',
  email: 'scorer1@courtsync.demo',
  name: 'Sam Scorer',
  role: 'scorekeeper',
};
const KIM: SessionUser = {
  id: 'u-scorer2',
  email: 'scorer2@courtsync.demo',
  name: 'Kim Keeper',
  role: 'scorekeeper',
};
const holder = (user: SessionUser): WriteAccess => ({ kind: 'holder', userId: user.id });

/** A push as the HTTP handler makes it: who pushes, and what that lets them write. */
const pushAs = (db: Database, access: WriteAccess, ops: Op[], userId?: string) =>
  applyReadOps(db, readOps(ops), { access, userId });

/** The review list of `matchId`: op id → status (and who pushed it). */
async function reviewOf(db: Database, matchId: string) {
  const rows = await db.select().from(reviewOps).where(eq(reviewOps.matchId, matchId));
  return new Map(rows.map((r) => [r.opId, { status: r.status, userId: r.userId }]));
}

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

  it('refuses the new ops of a scorekeeper not holding the claim: CLAIM_NOT_HELD, kept for review', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db);
    await claimMatch(db, DEMO_TOURNAMENT_ID, matchId, SAM, undefined);
    const ops = new TestClient().rallies(matchId, 3, ['B']);
    const results = await pushAs(db, holder(KIM), ops, KIM.id);
    expect(statuses(results)).toEqual(Array(3).fill('rejected:CLAIM_NOT_HELD'));
    expect((await snapshotMatch(db, matchId)).events).toHaveLength(0);
    const review = await reviewOf(db, matchId);
    expect(ops.map((op) => review.get(op.opId))).toEqual(
      Array(3).fill({ status: 'pending', userId: KIM.id }),
    );
    // The holder's device goes on through the fast path.
    const samOps = new TestClient().rallies(matchId, 2, ['A']);
    expect(statuses(await pushAs(db, holder(SAM), samOps, SAM.id))).toEqual(['applied', 'applied']);
  });

  it('answers a stored op sent again by its former holder duplicate, even with a lagging cursor', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db);
    await claimMatch(db, DEMO_TOURNAMENT_ID, matchId, SAM, undefined);
    const device = new TestClient();
    const ops = device.rallies(matchId, 3, ['A']);
    expect(statuses(await pushAs(db, holder(SAM), ops, SAM.id))).toEqual(Array(3).fill('applied'));
    // The claim goes to Kim; Sam's device resends its batch (the answer was lost) and one more,
    // and its cursor says nothing was applied yet.
    await db.delete(matchClaims).where(eq(matchClaims.matchId, matchId));
    await claimMatch(db, DEMO_TOURNAMENT_ID, matchId, KIM, undefined);
    await db.delete(pushCursors).where(eq(pushCursors.clientId, device.clientId));
    const next = device.rally(matchId, 'B');
    const results = await pushAs(db, holder(SAM), [...ops, next], SAM.id);
    expect(statuses(results)).toEqual([...Array(3).fill('duplicate'), 'rejected:CLAIM_NOT_HELD']);
    expect([...(await reviewOf(db, matchId)).keys()]).toEqual([next.opId]);
    expect((await snapshotMatch(db, matchId)).events).toHaveLength(3);
  });

  it('open mode: an anonymous push writes only matches nobody holds', async () => {
    const { db } = get();
    const free = await createTestMatch(db);
    const held = await createTestMatch(db);
    await claimMatch(db, DEMO_TOURNAMENT_ID, held, SAM, undefined);
    const device = new TestClient();
    const anonymous: WriteAccess = { kind: 'unclaimed' };
    expect(statuses(await pushAs(db, anonymous, device.rallies(free, 2)))).toEqual([
      'applied',
      'applied',
    ]);
    const refused = device.rally(held, 'A');
    const mixed = await pushAs(db, anonymous, [device.rally(free, 'B'), refused]);
    expect(statuses(mixed)).toEqual(['applied', 'rejected:CLAIM_NOT_HELD']);
    expect((await reviewOf(db, held)).get(refused.opId)).toEqual({
      status: 'pending',
      userId: null,
    });
    expect((await snapshotMatch(db, held)).events).toHaveLength(0);
  });

  it('takes an op off the review list once its new holder sends it again', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db);
    await claimMatch(db, DEMO_TOURNAMENT_ID, matchId, SAM, undefined);
    const ops = new TestClient().rallies(matchId, 2, ['B']);
    await pushAs(db, holder(KIM), ops, KIM.id);
    await db.delete(matchClaims).where(eq(matchClaims.matchId, matchId));
    await claimMatch(db, DEMO_TOURNAMENT_ID, matchId, KIM, undefined);
    expect(statuses(await pushAs(db, holder(KIM), ops, KIM.id))).toEqual(['applied', 'applied']);
    const review = await reviewOf(db, matchId);
    expect(ops.map((op) => review.get(op.opId)?.status)).toEqual(['applied', 'applied']);
  });
});
