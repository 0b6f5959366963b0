import { API } from '@courtsync/protocol';
import { flush, loadMatch, readSyncBlock, signIn, type CourtSyncDb } from '@courtsync/client';
import { createApiHandlers, getMatchEvents } from '@courtsync/server';
import { createTestMatch, DEMO, describeEachDatabase } from '@courtsync/server/test-support';
import { authNetwork } from './auth-network';
import { flushOptions, flushUntilSettled, newDevice, rallies } from './sync-device';

const EVENT = 'demo-open';

describeEachDatabase('a session that lapses while offline loses nothing (F21)', (get) => {
  /** The real handlers with sign-in required; access tokens live `accessTtlSec`. */
  const handlers = (accessTtlSec: number, refreshTtlSec = 3600) =>
    createApiHandlers(async () => get().db, {
      auth: { mode: 'required', accessTtlSec, refreshTtlSec },
      rateLimits: { store: 'memory' },
    });

  async function signedInDevice(net: ReturnType<typeof authNetwork>, matchId: string) {
    const db = newDevice();
    expect((await signIn(db, net.fetch, DEMO.scorer1, 'courtsync-demo')).ok).toBe(true);
    const claimed = await net.fetch(API.claim(EVENT, matchId), { method: 'POST' });
    expect(claimed.status).toBe(201);
    await loadMatch(db, matchId, net.fetch);
    return db;
  }

  async function expectOnce(db: CourtSyncDb, matchId: string, opIds: string[]) {
    const events = (await getMatchEvents(get().db, matchId))?.events ?? [];
    expect(events.map((e) => e.opId)).toEqual(opIds);
    expect(await db.outbox.count()).toBe(0);
  }

  it('access token expired offline: the flush renews it by itself; a lost answer mid-way doubles nothing', async () => {
    // The second push's answer is lost after the server committed it.
    const net = authNetwork(handlers(3), [undefined as never, 'response-lost']);
    const matchId = await createTestMatch(get().db);
    const db = await signedInDevice(net, matchId);
    net.offline = true;
    const ops = await rallies(db, matchId, 'ABABBABAABABBABAABABBABAABABBA');
    expect(ops).toHaveLength(30);
    await new Promise((r) => setTimeout(r, 3100)); // the access token expires meanwhile
    net.offline = false;
    const result = await flushUntilSettled(flushOptions(db, net.fetch, 10));
    expect(result.status).toBe('done');
    expect(net.statuses.some((s) => s.path === API.push && s.status === 401)).toBe(true);
    expect(net.statuses.filter((s) => s.path === API.refresh).map((s) => s.status)).toEqual([200]);
    expect(net.faults.faults).toEqual(['response-lost']);
    await expectOnce(db, matchId, ops);
  });

  it('session over while offline: the flush pauses asking to sign in; after sign-in all 30 land once', async () => {
    const net = authNetwork(handlers(3, 4));
    const matchId = await createTestMatch(get().db);
    const db = await signedInDevice(net, matchId);
    net.offline = true;
    const ops = await rallies(db, matchId, 'AAABBBABABABABAAABBBABABABABAB');
    await new Promise((r) => setTimeout(r, 4100)); // access and refresh tokens both expire
    net.offline = false;
    const paused = await flush(flushOptions(db, net.fetch, 10));
    expect(paused).toMatchObject({ status: 'paused', pending: 30 });
    expect(await readSyncBlock(db)).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect((await getMatchEvents(get().db, matchId))?.events).toHaveLength(0);

    // Signing in lifts the pause; the network breaks once more mid-way through the flush.
    expect((await signIn(db, net.fetch, DEMO.scorer1, 'courtsync-demo')).ok).toBe(true);
    expect(await readSyncBlock(db)).toBeUndefined();
    let pushes = 0;
    const cutting: typeof fetch = async (input, init) => {
      const isPush = String(input).endsWith(API.push);
      if (isPush && ++pushes === 2) {
        await net.fetch(input, init); // committed …
        throw new TypeError('network connection was lost'); // … answer lost
      }
      return net.fetch(input, init);
    };
    expect((await flushUntilSettled(flushOptions(db, cutting, 10))).status).toBe('done');
    await expectOnce(db, matchId, ops);
  });
});
