import type { FeedEvent } from '@courtsync/protocol';
import { createTestMatch, describeEachDatabase, TestClient } from '@courtsync/server/test-support';
import { openDatabase } from '../../db/open-database';
import { applyPush } from '../push/apply-push';
import { readFeed, readFeedHead } from './read-feed';

describeEachDatabase('change feed under concurrent pushes', (get, driver) => {
  // Concurrency needs several connections: PGlite is one session, PostgreSQL only.
  const pgOnly = driver === 'pg' ? it : it.skip;

  pgOnly('a reader pulling from its cursor sees every event exactly once, in order', async () => {
    const { db, url } = get();
    if (!url) throw new Error('pg target without url');
    // The writers' own pool: 8 connections, so the pushes really run side by side.
    const writers = await openDatabase({ url, seed: false, poolMax: 8 });
    try {
      const start = await readFeedHead(db);
      const matchIds = await Promise.all(
        Array.from({ length: 8 }, () => createTestMatch(db, 'indoor')),
      );
      let writing = true;
      const seen: FeedEvent[] = [];
      const reader = (async () => {
        let cursor = start;
        for (let done = false; !done;) {
          done = !writing; // one last full read after the writers finished
          for (let hasMore = true; hasMore;) {
            const page = await readFeed(db, { cursor, limit: 50 });
            seen.push(...page.events);
            ({ cursor, hasMore } = page);
          }
        }
      })();
      const pushed = await Promise.all(
        matchIds.map(async (matchId, w) => {
          const client = new TestClient();
          const opIds: string[] = [];
          for (let i = 0; i < 25; i += 1) {
            // Writers share match 0 half of the time, so pushes also wait on match locks.
            const target = i % 2 === 0 ? matchId : (matchIds[0] ?? matchId);
            // Winners alternate so the shared match never ends (a won match refuses rallies).
            const ops = Array.from({ length: 1 + ((i + w) % 3) }, (_, k) =>
              client.rally(target, (i + k) % 2 === 0 ? 'A' : 'B'),
            );
            const results = await applyPush(writers.db, ops);
            ops.forEach((op, k) => {
              if (results[k]?.status === 'applied') opIds.push(op.opId);
            });
          }
          return opIds;
        }),
      );
      writing = false;
      await reader;
      // Most ops apply (the shared match may end, refusing later rallies): the check is the feed.
      expect(pushed.flat().length).toBeGreaterThan(200);
      const all = pushed.flat();
      const positions = seen.map((e) => e.position);
      expect(new Set(seen.map((e) => e.opId))).toEqual(new Set(all));
      expect(seen).toHaveLength(all.length);
      // Contiguous: no position skipped, none repeated, in order.
      expect(positions).toEqual(all.map((_, i) => start + i + 1));
    } finally {
      await writers.close();
    }
  });
});
