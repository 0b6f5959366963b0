import { loadMatch, pullMatch, record } from '@courtsync/client';
import {
  deviceExportText,
  exportDeviceData,
  importDeviceData,
  parseDeviceExport,
} from '@courtsync/client/device-data';
import { createApiHandlers, getMatchEvents, getMatchView } from '@courtsync/server';
import { createTestMatch, describeEachDatabase, OPEN_API } from '@courtsync/server/test-support';
import { syncNetwork } from './sync-network';
import { flushOptions, flushUntilSettled, newDevice, rallies } from './sync-device';

describeEachDatabase(
  'export → import on another device: every op reaches the server once (F6)',
  (get) => {
    it('both devices send the same queued ops through a broken network: no op doubled or lost', async () => {
      const handlers = createApiHandlers(async () => get().db, OPEN_API);
      const matchId = await createTestMatch(get().db, 'beach');
      const oldNet = syncNetwork(handlers, [undefined as never, 'response-lost']);
      const newNet = syncNetwork(handlers, ['response-truncated', 'network-down']);
      const oldPhone = newDevice('old-phone');
      await loadMatch(oldPhone, matchId, oldNet.fetch);

      // Scored offline: nothing has reached the server when the file is taken.
      oldNet.offline = true;
      const queued = await rallies(oldPhone, matchId, 'AABABBAAAB');
      queued.push(
        (await record(oldPhone, { matchId, type: 'timeout', payload: { team: 'B' } })).op.opId,
      );
      queued.push(...(await rallies(oldPhone, matchId, 'BBA')));
      const file = deviceExportText(await exportDeviceData(oldPhone));

      const newPhone = newDevice('new-phone');
      const summary = await importDeviceData(newPhone, parseDeviceExport(file));
      expect(summary.ops).toBe(queued.length);
      // The new phone goes on scoring under its own identity.
      const mine = await rallies(newPhone, matchId, 'AB');

      // Both phones send; each send is hit mid-way (a lost or cut answer after the commit).
      await flushUntilSettled(flushOptions(newPhone, newNet.fetch, 4));
      oldNet.offline = false;
      await flushUntilSettled(flushOptions(oldPhone, oldNet.fetch, 4));
      expect(oldNet.stats.faults).toContain('response-lost');
      expect(newNet.stats.faults).toEqual(['response-truncated', 'network-down']);

      const server = await getMatchEvents(get().db, matchId);
      const stored = server?.events.map((e) => e.opId) ?? [];
      // Every op once; each device's ops in the order it recorded them (the server orders the
      // ops of one push per client, so two clients' ops may interleave).
      expect([...stored].sort()).toEqual([...queued, ...mine].sort());
      expect(stored.filter((id) => queued.includes(id))).toEqual(queued);
      expect(stored.filter((id) => mine.includes(id))).toEqual(mine);
      expect(await newPhone.outbox.count()).toBe(0);
      expect(await oldPhone.outbox.count()).toBe(0);
      // Everyone ends on the server's state.
      await pullMatch(oldPhone, matchId, oldNet.fetch, { broadcast: false });
      await pullMatch(newPhone, matchId, newNet.fetch, { broadcast: false });
      const view = await getMatchView(get().db, matchId);
      expect((await oldPhone.matches.get(matchId))?.state).toEqual(view?.state);
      expect((await newPhone.matches.get(matchId))?.state).toEqual(view?.state);
      expect(view?.state.sets).toEqual([{ a: 8, b: 7 }]);
    });
  },
);
