// Figure 6 — peak JS heap of the app's page and of its service worker while the worker drains
// 1,000 ops, above their idle heap (after a forced GC, just before the sync event).
import { attachServiceWorker } from '../lib/service-worker-cdp.mjs';
import { idleHeap, startHeapSampler } from '../lib/heap-sampler.mjs';
import { fireAppSync, queueInApp, showAppPage, waitForAppOutboxEmpty } from '../lib/app-side.mjs';
import { drainMatches } from '../lib/match-plan.mjs';
import { drainPlan } from '../lib/drain-plan.mjs';
import { makeFigure } from '../lib/figure.mjs';
import { round } from '../lib/stats.mjs';

/**
 * One more drain, with heap sampling (kept out of the timed runs), with the scorekeeper screen
 * open: it re-renders its pending count as the worker drains, as on a scorekeeper's phone.
 */
export async function measureDrainMemory({ lib, browser, app, proxy, random, run }) {
  const matches = drainMatches(run, 'a');
  await showAppPage(app, `/matches/${matches[0].id}`);
  const ops = await queueInApp(app, drainPlan(lib, matches, random));
  // A message wakes the worker (it may have gone idle) so its target can be attached.
  await app.page.evaluate(() =>
    navigator.serviceWorker.controller?.postMessage({ type: 'bench-wake' }),
  );
  const browserSession = await browser.newBrowserCDPSession();
  const worker = await attachServiceWorker(browserSession, `${proxy.origin}/sw.js`);
  try {
    const targets = [app.cdp, worker];
    const idle = await idleHeap(targets);
    const sampler = startHeapSampler(targets);
    const { startedAt } = await fireAppSync(app, lib.SYNC_TAG);
    await proxy.waitForCommitted(ops.map((op) => op.opId));
    await waitForAppOutboxEmpty(app);
    const drainMs = performance.now() - startedAt;
    const { peaks, samples } = await sampler.stop();
    return {
      page: { idle: idle[0], peak: peaks[0] },
      worker: { idle: idle[1], peak: peaks[1] },
      samples,
      drainMs,
    };
  } finally {
    await worker.detach();
    await browserSession.detach();
  }
}

const MB = 1024 * 1024;

/** Figures 6a and 6b: peak heap above idle of the page and of the worker. */
export function memoryFigures(raw) {
  const figure = (id, name, { idle, peak }) =>
    makeFigure({
      id,
      name,
      value: round((peak - idle) / MB, 2),
      unit: 'MB',
      digits: 2,
      target: { text: '≤ 20 MB above idle', met: peak - idle <= 20 * MB },
      details: {
        idleMB: round(idle / MB, 2),
        peakMB: round(peak / MB, 2),
        samples: raw.samples,
        drainMs: round(raw.drainMs),
      },
    });
  return [
    figure('6a', 'client memory: page heap, peak above idle', raw.page),
    figure('6b', 'client memory: worker heap, peak above idle', raw.worker),
  ];
}
