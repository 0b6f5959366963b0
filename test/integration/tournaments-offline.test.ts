import {
  CourtSyncDb,
  loadMatch,
  observeSavedTournaments,
  refreshTournaments,
  type SavedTournaments,
} from '@courtsync/client';
import { createApiHandlers, schema } from '@courtsync/server';
import { describeEachDatabase, OPEN_API } from '@courtsync/server/test-support';
import { eq } from 'drizzle-orm';
import { serverFetch } from './server-fetch';

let dbCounter = 0;
const newDevice = () => new CourtSyncDb(`tournaments-${process.pid}-${(dbCounter += 1)}`);

/** The saved list as the home screen sees it (first value of the live query). */
function savedOn(db: CourtSyncDb): Promise<SavedTournaments> {
  return new Promise((resolve, reject) => {
    const subscription = observeSavedTournaments(db).subscribe({
      next: (value) => {
        resolve(value);
        queueMicrotask(() => subscription.unsubscribe());
      },
      error: reject,
    });
  });
}

describeEachDatabase('the tournament list offline (F2)', (get) => {
  it('is saved on the device and shown from there when the network is gone', async () => {
    const net = serverFetch(createApiHandlers(async () => get().db, OPEN_API));
    const device = newDevice();
    expect(await savedOn(device)).toEqual({
      tournaments: [],
      fetchedAt: undefined,
      offlineMatchIds: new Set(),
    });

    const fetched = await refreshTournaments(device, net.fetch);
    const demo = fetched.find((t) => t.id === 'demo-open');
    expect(demo?.matches).toHaveLength(5);
    const saved = await savedOn(device);
    expect(saved.tournaments).toEqual(fetched);
    expect(saved.fetchedAt).toEqual(expect.any(Number));

    net.offline.now = true;
    await expect(refreshTournaments(device, net.fetch)).rejects.toThrow('Failed to fetch');
    expect(await savedOn(device)).toEqual(saved);
  });

  it('marks the matches that open offline, and refreshes their details from the list', async () => {
    const server = get().db;
    const net = serverFetch(createApiHandlers(async () => server, OPEN_API));
    const device = newDevice();
    await loadMatch(device, 'demo-indoor-1', net.fetch);
    await refreshTournaments(device, net.fetch);
    expect((await savedOn(device)).offlineMatchIds).toEqual(new Set(['demo-indoor-1']));

    // The organisers move the match to another hall: the next list brings it to the device.
    await server
      .update(schema.matches)
      .set({ court: 'Hall C' })
      .where(eq(schema.matches.id, 'demo-indoor-1'));
    await refreshTournaments(device, net.fetch);
    expect((await device.matches.get('demo-indoor-1'))?.court).toBe('Hall C');
    // A match only listed is not imported by the refresh: it still needs its event log.
    expect(await device.matches.get('demo-indoor-2')).toBeUndefined();
  });
});
