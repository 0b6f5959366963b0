// Figures 1, 2, 3, 6, 7 and 8: one fresh PGlite server, the bench proxy in front of it, one
// headless Chromium. Every browser context is fresh (own storage, own service workers).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_BLANK_PAGE } from '../lib/app-side.mjs';
import { attempt } from '../lib/attempt.mjs';
import { BASELINE_SCOPE } from '../lib/baseline-side.mjs';
import { startBenchProxy } from '../lib/bench-proxy.mjs';
import { launchBrowser } from '../lib/browser.mjs';
import { drainMatches, reconnectMatches, tapMatches, withEmptyState } from '../lib/match-plan.mjs';
import { seededRandom } from '../lib/op-scripts.mjs';
import { BENCH_DIR, RESULTS_DIR } from '../lib/paths.mjs';
import { startSeededServer } from '../lib/seeded-server.mjs';
import { log, SETTINGS } from '../lib/settings.mjs';
import { measureFirstLoadJs, measureServiceWorker, sizeFigures } from '../figures/bundle-size.mjs';
import { memoryFigures } from '../figures/client-memory.mjs';
import { drainFigure, measureDrains, WARM_UP } from '../figures/drain.mjs';
import { measureReconnects, reconnectFigure } from '../figures/reconnect.mjs';
import { measureTaps, tapFigure } from '../figures/tap-to-durable.mjs';
import { wireFigure } from '../figures/wire-bytes.mjs';

/** The figures of this suite, for ERROR lines when the shared setup itself fails. */
export const BROWSER_FIGURES = [
  { id: '1', name: 'drain 1,000 queued ops' },
  { id: '2', name: 'reconnect to committed' },
  { id: '3', name: 'tap to durable' },
  { id: '6a', name: 'client memory: page' },
  { id: '6b', name: 'client memory: worker' },
  { id: '7', name: 'bytes on the wire' },
  { id: '8a', name: 'first-load JS' },
  { id: '8b', name: 'service worker scripts' },
];
const group = (...ids) => BROWSER_FIGURES.filter((f) => ids.includes(f.id));

/** Every match the browser figures score. */
function browserMatches() {
  const matches = [
    ...reconnectMatches(SETTINGS.reconnectRounds),
    ...tapMatches(SETTINGS.tapMatches),
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

/** Starts server, proxy and browser (registered for cleanup) and adds the figures. */
export async function runBrowserSuite({ lib, assets, cleanup, figures }) {
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

  await attempt(figures, group('8a', '8b'), async () => {
    log('8 sizes of the build output');
    const matchId = tapMatches(1)[0].id;
    const page = await measureFirstLoadJs({ browser, origin: proxy.origin, matchId });
    return sizeFigures({ page, worker: measureServiceWorker() });
  });
  await attempt(figures, group('1', '6a', '6b', '7'), async () => {
    log(`1/6/7 drains: ${SETTINGS.drainRuns} runs, baseline ${SETTINGS.baselineRuns}`);
    const raw = await measureDrains({
      ...context,
      random: seededRandom(1),
      runs: SETTINGS.drainRuns,
      baselineRuns: SETTINGS.baselineRuns,
    });
    return [drainFigure(raw), ...memoryFigures(raw.memory), wireFigure(raw.wire)];
  });
  await attempt(figures, group('2'), async () => {
    log(`2 reconnect: ${SETTINGS.reconnectRounds} rounds`);
    const rounds = SETTINGS.reconnectRounds;
    const times = await measureReconnects({ ...context, random: seededRandom(2), rounds });
    return [reconnectFigure(times)];
  });
  await attempt(figures, group('3'), async () => {
    log(`3 taps: ${SETTINGS.tapMatches * SETTINGS.tapsPerMatch}`);
    const samples = await measureTaps({
      ...context,
      random: seededRandom(3),
      matches: SETTINGS.tapMatches,
      tapsPerMatch: SETTINGS.tapsPerMatch,
    });
    return [tapFigure(samples)];
  });
}
