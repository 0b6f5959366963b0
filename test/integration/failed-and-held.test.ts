import { discardFailedOp, loadMatch, retryFailedOp, flush } from '@courtsync/client';
import { createApiHandlers, getMatchEvents, getMatchView } from '@courtsync/server';
import { createTestMatch, describeEachDatabase, OPEN_API } from '@courtsync/server/test-support';
import { apiError, syncNetwork } from './sync-network';
import { flushOptions, newDevice, rallies } from './sync-device';

describeEachDatabase('a refused op: failed list, held ops, retry and discard', (get) => {
  /** Two matches on one device; the second op of `held` is refused by a whole-request 400. */
  async function setup() {
    const handlers = createApiHandlers(async () => get().db, OPEN_API);
    const net = syncNetwork(handlers);
    const [other, held] = [await createTestMatch(get().db), await createTestMatch(get().db)];
    const db = newDevice();
    await loadMatch(db, other, net.fetch);
    await loadMatch(db, held, net.fetch);
    const heldOps = await rallies(db, held, 'AB');
    const otherOps = await rallies(db, other, 'AAB');
    heldOps.push(...(await rallies(db, held, 'BA')));
    const bad = heldOps[1]!;
    net.gate = (ops) =>
      ops.some((op) => op.opId === bad) ? apiError(400, 'VALIDATION_FAILED') : undefined;
    const first = await flush(flushOptions(db, net.fetch, 10));
    expect(first).toMatchObject({ status: 'done', rejected: 1, held: 2 });
    const log = async (id: string) =>
      (await getMatchEvents(get().db, id))?.events.map((e) => e.opId);
    // The other match flowed; the refused match stopped at its failed op, in order.
    expect(await log(other)).toEqual(otherOps);
    expect(await log(held)).toEqual([heldOps[0]]);
    expect(await db.outbox.where('opId').equals(bad).first()).toMatchObject({
      status: 'failed',
      lastError: { code: 'VALIDATION_FAILED' },
    });
    // Nothing of that match is sent while its failed op waits.
    expect(await flush(flushOptions(db, net.fetch))).toMatchObject({ batches: 0, held: 2 });
    return { db, net, held, heldOps, bad, log };
  }

  it('retry after the server accepts: every op lands once, in order', async () => {
    const { db, net, held, heldOps, bad, log } = await setup();
    net.gate = undefined;
    await retryFailedOp(db, bad);
    expect(await flush(flushOptions(db, net.fetch))).toMatchObject({ status: 'done', applied: 3 });
    expect(await log(held)).toEqual(heldOps);
    expect(await db.outbox.count()).toBe(0);
    const view = await getMatchView(get().db, held);
    expect((await db.matches.get(held))?.state).toEqual(view?.state);
  });

  it('discard: the device is rebased to the server state, the held ops go on', async () => {
    const { db, net, held, heldOps, bad, log } = await setup();
    await discardFailedOp(db, bad);
    expect(await flush(flushOptions(db, net.fetch))).toMatchObject({ status: 'done', applied: 2 });
    expect(await log(held)).toEqual(heldOps.filter((id) => id !== bad));
    const view = await getMatchView(get().db, held);
    expect((await db.matches.get(held))?.state).toEqual(view?.state);
    expect(await db.outbox.count()).toBe(0);
  });
});
