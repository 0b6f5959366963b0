// Figures 1, 2, 3, 4, 6, 7, 8 and 11: one fresh PGlite server, the bench proxy in front of
// it, one headless Chromium. Every browser context is fresh (own storage, own service
// workers). Figure 4 (SSE fan-out, no browser) runs first, on the still idle server; figure
// 11 (server outages at the proxy) runs last.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_BLANK_PAGE } from '../lib/app-side.mjs';
import { attempt } from '../lib/attempt.mjs';
import { BASELINE_SCOPE } from '../lib/baseline-side.mjs';
import { startBenchProxy } from '../lib/bench-proxy.mjs';
import { launchBrowser } from '../lib/browser.mjs';
import {
  drainMatches,
  reconnectMatches,
  recoveryMatches,
  tapMatches,
  withEmptyState,
} from '../lib/match-plan.mjs';
import { seededRandom } from '../lib/op-scripts.mjs';
import { BENCH_DIR, RESULTS_DIR } from '../lib/paths.mjs';
import { startSeededServer } from '../lib/seeded-server.mjs';
import { anySelected, log, SETTINGS } from '../lib/settings.mjs';
import { measureFirstLoadJs, measureServiceWorker, sizeFigures } from '../figures/bundle-size.mjs';
import { memoryFigures } from '../figures/client-memory.mjs';
import { drainFigure, measureDrains, WARM_UP } from '../figures/drain.mjs';
import { fanOutFigures, fanoutMatchList, measureFanOut } from '../figures/fan-out.mjs';
import { measureReconnects, reconnectFigure } from '../figures/reconnect.mjs';
import { measureRecovery, recoveryFigure } from '../figures/recovery.mjs';
import { measureTaps, tapFigures } from '../figures/tap-to-durable.mjs';
import { wireFigure } from '../figures/wire-bytes.mjs';

/** The figures of this suite, for ERROR lines when the shared setup itself fails. */
export const BROWSER_FIGURES = [
  { id: '1', name: 'drain 1,000 queued ops' },
  { id: '2', name: 'reconnect to committed' },
  { id: '3a', name: 'tap to on screen' },
  { id: '3b', name: 'tap to durable' },
  { id: '4a', name: 'live fan-out, SSE subscribers' },
  { id: '4b', name: 'live fan-out, server memory per subscriber' },
  { id: '6a', name: 'client memory: page' },
  { id: '6b', name: 'client memory: worker' },
  { id: '7', name: 'bytes on the wire' },
  { id: '8a', name: 'first-load JS' },
  { id: '8b', name: 'service worker scripts' },
  { id: '11', name: 'recovery after a server outage' },
];
const group = (...ids) => BROWSER_FIGURES.filter((f) => ids.includes(f.id));

/** Every match the browser figures score. */
function browserMatches() {
  const matches = [
    ...reconnectMatches(SETTINGS.reconnectRounds),
    ...tapMatches(SETTINGS.tapMatches),
    ...fanoutMatchList(),
    ...recoveryMatches(SETTINGS.recoveryRounds),
    ...drainMatches(WARM_UP, 'a'),
    ...drainMatches(WARM_UP, 'b'),
  ];
  for (let run = 0; run <= SETTINGS.drainRuns; run += 1) matches.push(...drainMatches(run, 'a'));
  for (let run = 0; run < SETTINGS.baselineRuns; run += 1) matches.push(...drainMatches(run, 'b'));
  return matches;
}

/** The bench proxy's own pages: a blank page in the app's scope and the baseline's files. */
function proxyFiles(assets) {
  const html = (body) => ({ type: 'text/html; charset=utf-8', body });
  return {
    [APP_BLANK_PAGE]: html('<!doctype html><title>CourtSync bench</title><p>bench</p>'),
    [BASELINE_SCOPE]: html(readFileSync(path.join(BENCH_DIR, 'browser/baseline-page.html'))),
    [`${BASELINE_SCOPE}sw.js`]: {
      type: 'text/javascript; charset=utf-8',
      body: readFileSync(assets.baselineSw),
    },
  };
}

/**
 * Starts server, proxy and browser (registered for cleanup) and adds the figures (those of
 * BENCH_ONLY when it is set; nothing is started when it selects none of them).
 */
export async function runBrowserSuite({ lib, assets, cleanup, figures }) {
  if (!anySelected(BROWSER_FIGURES)) return;
  const measure = (ids, work) =>
    anySelected(group(...ids)) ? attempt(figures, group(...ids), work) : undefined;
  log('browser figures: starting a fresh PGlite server, the bench proxy and Chromium');
  const server = await startSeededServer({
    engine: 'pglite',
    port: SETTINGS.port,
    matches: withEmptyState(lib, browserMatches()),
    logFile: path.join(RESULTS_DIR, 'server-browser.log'),
  });
  cleanup.add('browser server', server.stop);
  const proxy = await startBenchProxy({
    port: SETTINGS.port + 1,
    target: server.url,
    files: proxyFiles(assets),
  });
  cleanup.add('bench proxy', proxy.close);
  const browser = await launchBrowser(lib);
  cleanup.add('Chromium', () => browser.close());
  const context = { lib, assets, browser, proxy, log };

  await measure(['4a', '4b'], async () => {
    log(
      `4 fan-out: ${SETTINGS.fanoutSubscribers} SSE subscribers, ${SETTINGS.fanoutPushes} pushes`,
    );
    const raw = await measureFanOut({
      lib,
      server,
      random: seededRandom(4),
      subscribers: SETTINGS.fanoutSubscribers,
      pushes: SETTINGS.fanoutPushes,
      log,
    });
    return fanOutFigures(raw);
  });
  await measure(['8a', '8b'], async () => {
    log('8 sizes of the build output');
    const matchId = tapMatches(1)[0].id;
    const page = await measureFirstLoadJs({ browser, origin: proxy.origin, matchId });
    return sizeFigures({ page, worker: measureServiceWorker() });
  });
  await measure(['1', '6a', '6b', '7'], async () => {
    log(`1/6/7 drains: ${SETTINGS.drainRuns} runs, baseline ${SETTINGS.baselineRuns}`);
    const raw = await measureDrains({
      ...context,
      random: seededRandom(1),
      runs: SETTINGS.drainRuns,
      baselineRuns: SETTINGS.baselineRuns,
    });
    return [drainFigure(raw), ...memoryFigures(raw.memory), wireFigure(raw.wire)];
  });
  await measure(['2'], async () => {
    log(`2 reconnect: ${SETTINGS.reconnectRounds} rounds`);
    const rounds = SETTINGS.reconnectRounds;
    const times = await measureReconnects({ ...context, random: seededRandom(2), rounds });
    return [reconnectFigure(times)];
  });
  await measure(['3a', '3b'], async () => {
    log(`3 taps: ${SETTINGS.tapMatches * SETTINGS.tapsPerMatch}`);
    const samples = await measureTaps({
      ...context,
      random: seededRandom(3),
      matches: SETTINGS.tapMatches,
      tapsPerMatch: SETTINGS.tapsPerMatch,
    });
    return tapFigures(samples);
  });
  await measure(['11'], async () => {
    log(`11 recovery: ${SETTINGS.recoveryRounds} outage rounds`);
    const raw = await measureRecovery({
      ...context,
      random: seededRandom(11),
      rounds: SETTINGS.recoveryRounds,
    });
    return [recoveryFigure(raw)];
  });
}
