// The CourtSync side of the drain: ops queued in the app's page by the app's own client code,
// drained by the app's service worker when its sync event fires.
import { readFileSync } from 'node:fs';
import { readPendingOps, waitForEmptyOutbox } from './local-db.mjs';
import { dispatchSync, watchRegistrations } from './service-worker-cdp.mjs';
import { newPhoneContext, waitForController } from './browser.mjs';
import { drainTiming } from './drain-timing.mjs';

/** A blank page the bench proxy serves inside the app worker's scope (no UI of the app). */
export const APP_BLANK_PAGE = '/bench-app/blank';

/**
 * Opens the app in a fresh context, waits for its worker, then shows `pathname` (inside the
 * worker's scope) with the probe loaded. The timed drains use APP_BLANK_PAGE: the scorekeeper
 * screen re-renders on every write, which doubles the time to queue 1,000 ops without
 * changing the drain.
 */
export async function openAppSide({ browser, proxy, assets, pathname = APP_BLANK_PAGE }) {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  const side = {
    context,
    page,
    origin: proxy.origin,
    probe: readFileSync(assets.appProbe, 'utf8'),
  };
  // The app's own pages register its worker: open the home page first, as a user would.
  await page.goto(`${proxy.origin}/`);
  await waitForController(page);
  await showAppPage(side, pathname);
  side.cdp = await context.newCDPSession(page);
  const registrations = await watchRegistrations(side.cdp);
  side.registrationId = await registrations.idFor(`${proxy.origin}/`);
  return side;
}

/** Navigates the app side's page (same tab, same CDP session) and loads the probe again. */
export async function showAppPage(side, pathname) {
  await side.page.goto(`${side.origin}${pathname}`);
  if (pathname.startsWith('/matches/')) await side.page.getByTestId('scorekeeper').waitFor();
  await side.page.addScriptTag({ content: side.probe });
}

/**
 * Queues `plan` ([{matchId, tap}]) through the app's record() — one IndexedDB transaction per
 * op, as a tap does — without asking for a sync, and returns the queued wire ops.
 */
export async function queueInApp(side, plan) {
  const matchIds = [...new Set(plan.map((p) => p.matchId))];
  await side.page.evaluate(
    async ({ plan: steps, matchIds: ids }) => {
      const bench = globalThis.__courtsyncBench;
      const db = bench.openCourtSyncDb();
      for (const id of ids) {
        if (!(await bench.loadMatch(db, id))) throw new Error(`match ${id} did not load`);
      }
      for (const { matchId, tap } of steps) {
        await bench.record(
          db,
          tap === 'undo'
            ? { matchId, type: 'undo' }
            : { matchId, type: 'rally', payload: { winner: tap } },
        );
      }
    },
    { plan, matchIds },
  );
  return readPendingOps(side.page);
}

/** Fires the app's sync event; resolves with {startedAt} just before the CDP dispatch. */
export async function fireAppSync(side, tag) {
  const startedAt = performance.now();
  await dispatchSync(side.cdp, { origin: side.origin, registrationId: side.registrationId, tag });
  return { startedAt };
}

/** Resolves once the worker removed every acked op from the outbox. */
export const waitForAppOutboxEmpty = (side) => waitForEmptyOutbox(side.page);

/**
 * Fires the app's sync event and waits until the server has committed every op of `ops`,
 * then until the worker has emptied the outbox. Returns the timing and the push exchanges.
 */
export async function drainApp(side, proxy, tag, ops) {
  proxy.resetWire();
  const { startedAt } = await fireAppSync(side, tag);
  const committedAt = await proxy.waitForCommitted(ops.map((op) => op.opId));
  await waitForAppOutboxEmpty(side);
  const outboxEmptyMs = performance.now() - startedAt;
  const wire = [...proxy.pushes];
  return { ...drainTiming(wire, startedAt, committedAt), outboxEmptyMs, wire };
}
