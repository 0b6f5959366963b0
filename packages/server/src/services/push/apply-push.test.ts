import { MatchReplayer, replayFull } from '@courtsync/scoring';
import type { ScoringEvent, Team } from '@courtsync/scoring';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../db/open-database';
import { DEMO_TOURNAMENT_ID } from '../../db/seed';
import { matches, matchEvents } from '../../db/schema';
import {
  createTestMatch,
  dbFingerprint,
  scoringEventsOf,
  snapshotMatch,
  statuses,
  TestClient,
  describeEachDatabase,
} from '@courtsync/server/test-support';
import { applyPush } from './apply-push';
import { loadMatchLog } from './match-log';
import { PushValidationError } from './validate-ops';

describeEachDatabase('applyPush', (get, driver) => {
  // Two instances on one database: only PostgreSQL allows a second connection (PGlite is one process).
  const pgOnly = driver === 'pg' ? it : it.skip;

  it('refuses the whole push when an op has no identity, applying nothing', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const before = await dbFingerprint(db);
    const attempt = applyPush(db, [client.rally(matchId, 'A'), { opId: 'x', seq: 0 }]);
    await expect(attempt).rejects.toBeInstanceOf(PushValidationError);
    await expect(attempt).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ['ops', 1, 'opId'] })]),
    });
    expect(await dbFingerprint(db)).toBe(before);
  });

  it('gives an in-batch repeat of a refused op the same refusal', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const undo = client.undo(matchId);
    const results = await applyPush(db, [undo, undo]);
    expect(statuses(results)).toEqual(['rejected:NOTHING_TO_UNDO', 'rejected:NOTHING_TO_UNDO']);
  });

  it('rebuilds the same replayer from the stored log as the cached state', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db, 'indoor');
    const client = new TestClient();
    const winners: Team[] = ['A', 'A', 'B', 'A', 'B', 'B', 'B', 'A'];
    for (let i = 0; i < 12; i += 1) {
      await applyPush(db, [
        ...client.rallies(matchId, 9, winners),
        client.undo(matchId),
        ...client.rallies(matchId, 3, ['A']),
      ]);
    }
    const { row, events } = await snapshotMatch(db, matchId);
    if (!row) throw new Error('match row missing');
    const log = await db.transaction((tx) =>
      loadMatchLog(tx, {
        id: matchId,
        tournamentId: DEMO_TOURNAMENT_ID,
        format: 'indoor',
        version: row.version,
        eventCount: row.eventCount,
      }),
    );
    expect(log.effective.state).toEqual(row.state);
    expect(log.maxSeqByClient.get(client.clientId)).toBe(events.at(-1)?.seq);
    expect(row.state).toEqual(replayFull('indoor', scoringEventsOf(events)));
  });

  it('refuses to append when event_count disagrees with the stored log', async () => {
    const { db } = get();
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    await applyPush(db, client.rallies(matchId, 2));
    const load = db.transaction((tx) =>
      loadMatchLog(tx, {
        id: matchId,
        tournamentId: DEMO_TOURNAMENT_ID,
        format: 'beach',
        version: 2,
        eventCount: 5,
      }),
    );
    await expect(load).rejects.toThrow(/2 stored events but event_count is 5/);
  });

  it('answers duplicate, never an error, for one op raced to two matches', async () => {
    const { db } = get();
    for (let round = 0; round < 5; round += 1) {
      const [m1, m2] = [await createTestMatch(db), await createTestMatch(db)];
      const op = new TestClient().rally(m1, 'A');
      const results = await Promise.all([
        applyPush(db, [op]),
        applyPush(db, [{ ...op, matchId: m2 }]),
      ]);
      expect(statuses(results.flat()).sort()).toEqual(['applied', 'duplicate']);
      const stored = await db.select().from(matchEvents).where(eq(matchEvents.opId, op.opId));
      expect(stored).toHaveLength(1);
      // Only the match that got the op moved on.
      const rows = await db
        .select()
        .from(matches)
        .where(eq(matches.id, stored[0]?.matchId ?? ''));
      expect(rows[0]?.version).toBe(1);
    }
  });

  pgOnly('never trusts a replayed log another instance has moved past', async () => {
    const { db, url } = get();
    if (!url) throw new Error('pg target without url');
    const other = await openDatabase({ url, seed: false });
    try {
      const matchId = await createTestMatch(db, 'beach');
      const client = new TestClient();
      // This instance ends the match (and keeps the finished log in memory) …
      await applyPush(db, client.rallies(matchId, 42, ['A']));
      // … the other one reopens it with an undo …
      expect(statuses(await applyPush(other.db, [client.undo(matchId)]))).toEqual(['applied']);
      // … so a rally here must be scored, not refused as MATCH_FINISHED.
      const results = await applyPush(db, [client.rally(matchId, 'B')]);
      expect(results[0]).toMatchObject({ status: 'applied', version: 44 });
      const { row } = await snapshotMatch(db, matchId);
      expect(row?.state.sets.at(-1)).toEqual({ a: 20, b: 1 });
    } finally {
      await other.close();
    }
  });

  pgOnly('stays exactly-once across two server instances sharing PostgreSQL', async () => {
    const { db, url } = get();
    if (!url) throw new Error('pg target without url');
    // A second instance: its own pool and its own replayer cache.
    const other = await openDatabase({ url, seed: false });
    try {
      const matchId = await createTestMatch(db, 'beach');
      const client = new TestClient();
      const expected = new MatchReplayer('beach');
      const batches = Array.from({ length: 6 }, (_, i) =>
        i % 3 === 2
          ? [client.undo(matchId), client.rally(matchId, 'B')]
          : client.rallies(matchId, 5, ['A', 'B', 'A']),
      );
      for (const [i, ops] of batches.entries()) {
        // Alternate instances so each one's cached log is stale half of the time.
        const target = i % 2 === 0 ? db : other.db;
        const [mine, theirs] = await Promise.all([
          applyPush(target, ops),
          applyPush(i % 2 ? db : other.db, ops),
        ]);
        ops.forEach((op, k) => {
          expect([mine[k]?.status, theirs[k]?.status].sort()).toEqual(['applied', 'duplicate']);
          expected.apply(
            op.type === 'undo'
              ? { type: 'undo' }
              : ({ type: op.type, ...op.payload } as ScoringEvent),
          );
        });
      }
      const { row, events } = await snapshotMatch(db, matchId);
      expect(events).toHaveLength(batches.flat().length);
      expect(row?.state).toEqual(expected.fullState);
      expect(row?.version).toBe(events.length);
    } finally {
      await other.close();
    }
  });
});
