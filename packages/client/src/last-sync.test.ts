import { fakeSyncServer } from './fake-sync-server';
import { flush } from './flush';
import { inProcessFlushLock } from './flush-lock';
import { LAST_SYNC_KEY } from './last-sync';
import { record } from './record';
import { freshDb, seedLocalMatch } from './test-support';

describe('last successful sync (F15)', () => {
  it('is stored when a flush leaves nothing pending, and kept when one fails', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const db = freshDb();
    await seedLocalMatch(db, 'm1');
    const options = { db, lock: inProcessFlushLock(), broadcast: false, compress: false };
    const lastSync = async () => (await db.meta.get(LAST_SYNC_KEY))?.value;

    await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect((await flush({ ...options, fetch: offline })).status).not.toBe('done');
    expect(await lastSync()).toBeUndefined();

    const before = Date.now();
    expect(await flush({ ...options, fetch: server.fetch })).toMatchObject({
      status: 'done',
      pending: 0,
    });
    const synced = await lastSync();
    expect(synced).toBeGreaterThanOrEqual(before);

    // A later failed flush leaves the last success as it was.
    await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'B' } });
    await flush({ ...options, fetch: offline });
    expect(await lastSync()).toBe(synced);
  });
});
