import { loadMatch, pullMatch, type CourtSyncDb } from '@courtsync/client';
import { createApiHandlers, getMatchEvents, getMatchView } from '@courtsync/server';
import { createTestMatch, describeEachDatabase, OPEN_API } from '@courtsync/server/test-support';
import { syncNetwork } from './sync-network';
import { flushOptions, flushUntilSettled, newDevice, rallies, undo } from './sync-device';
import { flush } from '@courtsync/client';

describeEachDatabase('two devices on one match converge (pull, rebase, targeted undo)', (get) => {
  it('interleaved taps and undos, one device offline a while: both show the server state', async () => {
    const handlers = createApiHandlers(async () => get().db, OPEN_API);
    const matchId = await createTestMatch(get().db, 'indoor');
    const phoneNet = syncNetwork(handlers, [undefined as never, 'response-lost']);
    const tabletNet = syncNetwork(handlers);
    const phone = newDevice('phone');
    const tablet = newDevice('tablet');
    await loadMatch(phone, matchId, phoneNet.fetch);
    await loadMatch(tablet, matchId, tabletNet.fetch);
    const mine = { phone: [] as string[], tablet: [] as string[] };

    mine.phone.push(...(await rallies(phone, matchId, 'AAB')));
    await flushUntilSettled(flushOptions(phone, phoneNet.fetch, 2));
    await pullMatch(tablet, matchId, tabletNet.fetch, { broadcast: false });

    // The tablet loses the network and keeps scoring; its undo takes back its own last rally.
    tabletNet.offline = true;
    mine.tablet.push(...(await rallies(tablet, matchId, 'BB')));
    mine.tablet.push(await undo(tablet, matchId));
    mine.tablet.push(...(await rallies(tablet, matchId, 'A')));
    expect(await flush(flushOptions(tablet, tabletNet.fetch))).toMatchObject({ status: 'retry' });

    // Meanwhile the phone scores and undoes its own last rally.
    mine.phone.push(...(await rallies(phone, matchId, 'A')));
    mine.phone.push(await undo(phone, matchId));
    mine.phone.push(...(await rallies(phone, matchId, 'BA')));
    await flushUntilSettled(flushOptions(phone, phoneNet.fetch, 2));

    tabletNet.offline = false;
    await flushUntilSettled(flushOptions(tablet, tabletNet.fetch, 2));
    await pullMatch(phone, matchId, phoneNet.fetch, { broadcast: false });

    const server = get().db;
    const view = await getMatchView(server, matchId);
    const log = (await getMatchEvents(server, matchId))!.events;
    for (const device of [phone, tablet] as CourtSyncDb[]) {
      expect((await device.matches.get(matchId))?.state).toEqual(view?.state);
      expect(await device.outbox.count()).toBe(0);
      expect(await device.acked.count()).toBe(0);
      const confirmed = await device.confirmed
        .where('matchId')
        .equals(matchId)
        .sortBy('matchPosition');
      expect(confirmed.map((e) => e.opId)).toEqual(log.map((e) => e.opId));
    }
    // Every tap is on the server exactly once.
    expect(log.map((e) => e.opId).sort()).toEqual([...mine.phone, ...mine.tablet].sort());
    // Each undo took back a rally of its own device, never the other one's.
    const byId = new Map(log.map((e) => [e.opId, e]));
    for (const event of log.filter((e) => e.type === 'undo')) {
      const target = byId.get(String(event.payload.target));
      expect(target?.clientId).toBe(event.clientId);
    }
    // 9 rallies, 2 of them undone.
    expect(view?.state.rallies).toBe(7);
  });
});
