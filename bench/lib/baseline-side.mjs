// The baseline side of the drain: the same ops as one plain JSON request each, stored in a
// workbox-background-sync Queue and replayed by its worker's sync event.
import { newPhoneContext, waitForController } from './browser.mjs';
import { drainTiming } from './drain-timing.mjs';
import { dispatchSync, watchRegistrations } from './service-worker-cdp.mjs';

/** Path prefix of the baseline's page and worker on the bench proxy. */
export const BASELINE_SCOPE = '/bench-baseline/';
/** The sync tag workbox gives the queue named in browser/baseline-sw.mjs. */
const BASELINE_TAG = 'workbox-background-sync:courtsync-baseline';

/** Opens the baseline page (own context: own storage and worker) and waits for its worker. */
export async function openBaselineSide({ browser, proxy }) {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  await page.goto(`${proxy.origin}${BASELINE_SCOPE}`);
  await waitForController(page);
  const cdp = await context.newCDPSession(page);
  const registrations = await watchRegistrations(cdp);
  const registrationId = await registrations.idFor(`${proxy.origin}${BASELINE_SCOPE}`);
  return { context, page, cdp, registrationId, origin: proxy.origin };
}

/** Stores `ops` in the workbox queue, one request each; resolves with the queue's size. */
export function queueInBaseline(side, ops) {
  return side.page.evaluate((list) => globalThis.fillBaselineQueue(list), ops);
}

/** Fires the queue's sync event; resolves with {startedAt} just before the CDP dispatch. */
export async function fireBaselineSync(side) {
  const startedAt = performance.now();
  await dispatchSync(side.cdp, {
    origin: side.origin,
    registrationId: side.registrationId,
    tag: BASELINE_TAG,
  });
  return { startedAt };
}

/** Fills the queue with `ops`, fires its sync event, waits until all are committed. */
export async function drainBaseline(side, proxy, ops) {
  const queued = await queueInBaseline(side, ops);
  if (queued !== ops.length) throw new Error(`baseline queue holds ${queued} requests`);
  proxy.resetWire();
  const { startedAt } = await fireBaselineSync(side);
  const committedAt = await proxy.waitForCommitted(
    ops.map((op) => op.opId),
    180_000,
  );
  const wire = [...proxy.pushes];
  return { ...drainTiming(wire, startedAt, committedAt), wire };
}
