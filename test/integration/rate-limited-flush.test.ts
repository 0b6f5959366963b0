import { API } from '@courtsync/protocol';
import { flush, loadMatch, signIn, type CourtSyncDb } from '@courtsync/client';
import { createApiHandlers, getMatchEvents } from '@courtsync/server';
import { createTestMatch, DEMO, describeEachDatabase } from '@courtsync/server/test-support';
import { authNetwork } from './auth-network';
import { flushOptions, newDevice, rallies } from './sync-device';

const EVENT = 'demo-open';

describeEachDatabase('rate limits and the flush (F22)', (get) => {
  async function scorekeeper(net: ReturnType<typeof authNetwork>, matchId: string) {
    const db = newDevice();
    expect((await signIn(db, net.fetch, DEMO.scorer1, 'courtsync-demo')).ok).toBe(true);
    expect((await net.fetch(API.claim(EVENT, matchId), { method: 'POST' })).ok).toBe(true);
    await loadMatch(db, matchId, net.fetch);
    return db;
  }

  async function expectOnce(db: CourtSyncDb, matchId: string, opIds: string[]) {
    const events = (await getMatchEvents(get().db, matchId))?.events ?? [];
    expect(events.map((e) => e.opId)).toEqual(opIds);
    expect(await db.outbox.count()).toBe(0);
  }

  it('a full outbox of 1,000 ops drains in batches of 200 under the default limits, no 429', async () => {
    const net = authNetwork(
      createApiHandlers(async () => get().db, { auth: { mode: 'required' } }),
    );
    const matchId = await createTestMatch(get().db, 'indoor');
    const db = await scorekeeper(net, matchId);
    // Indoor, rallies alternating: 1,000 points never finish a match (sets need a 2-point lead).
    const ops = await rallies(db, matchId, 'AB'.repeat(500));
    const result = await flush({ ...flushOptions(db, net.fetch), batchSize: 200 });
    expect(result).toMatchObject({ status: 'done', applied: 1000, batches: 5 });
    expect(net.statuses.filter((s) => s.status === 429)).toEqual([]);
    await expectOnce(db, matchId, ops);
  }, 180_000);

  it('a 429 is waited out for at least Retry-After, by every later flush; then all land once', async () => {
    const limits = { 'score-write': { capacity: 2, refillPerSec: 1 } };
    const net = authNetwork(
      createApiHandlers(async () => get().db, {
        auth: { mode: 'required' },
        rateLimits: { store: 'memory', limits },
      }),
    );
    const matchId = await createTestMatch(get().db, 'indoor');
    const db = await scorekeeper(net, matchId);
    const ops = await rallies(db, matchId, 'AB'.repeat(20));
    const pushTimes: { at: number; status: number }[] = [];
    const timed: typeof fetch = async (input, init) => {
      const response = await net.fetch(input, init);
      if (String(input).endsWith(API.push))
        pushTimes.push({ at: Date.now(), status: response.status });
      return response;
    };
    const options = flushOptions(db, timed, 5);
    for (let round = 0; round < 40; round += 1) {
      const result = await flush(options);
      if (result.status === 'done') break;
      expect(result.status).toBe('retry');
      // Asked right away again (another tab, the worker): nothing goes out before Retry-After.
      const before = pushTimes.length;
      expect((await flush(options)).status).toBe('retry');
      expect(pushTimes.length).toBe(before);
      await new Promise((r) => setTimeout(r, result.retryAfterMs ?? 100));
    }
    const limited = pushTimes.filter((p) => p.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const refusal of limited) {
      const next = pushTimes.find((p) => p.at > refusal.at);
      // Retry-After is whole seconds (here 1): the next push waits at least that long.
      if (next) expect(next.at - refusal.at).toBeGreaterThanOrEqual(1000);
    }
    await expectOnce(db, matchId, ops);
  });
});
