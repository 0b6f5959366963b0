// `npm run bench`: measures every figure in one run and prints one line each.
// Order: upstream sync (figure 9, no build needed), build check (with the prepared database),
// server start (figure 10), helper bundles, server ingest (PostgreSQL, then PGlite), then the
// browser figures against one PGlite server behind the bench proxy. A run of figure 9 alone
// (BENCH_ONLY=9) builds nothing.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { ensureAppBuild } from './lib/app-build.mjs';
import { bundleAssets } from './lib/bundle-assets.mjs';
import { createCleanup } from './lib/cleanup.mjs';
import { failedFigure } from './lib/figure.mjs';
import { RESULTS_DIR } from './lib/paths.mjs';
import { writeReport } from './lib/report.mjs';
import { anySelected, log, selected, SETTINGS } from './lib/settings.mjs';
import { notBuiltFigures } from './figures/not-built.mjs';
import { measureUpstreamSync } from './figures/upstream-sync.mjs';
import { attempt } from './lib/attempt.mjs';
import { BROWSER_FIGURES, runBrowserSuite } from './suites/browser-suite.mjs';
import { runIngestSuite } from './suites/ingest-suite.mjs';
import { runStartSuite } from './suites/start-suite.mjs';

/** Runs the whole bench; resolves with the process exit code (0 unless something crashed). */
export async function runBench() {
  const startedAt = new Date();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const cleanup = createCleanup();
  const figures = notBuiltFigures().filter((f) => selected(f.id));
  let build = 'no build';
  try {
    // Figure 9 needs neither the app build nor the bundles: it runs the server's sync directly.
    if (selected('9')) {
      await attempt(figures, [{ id: '9', name: 'upstream sync' }], async () => [
        await measureUpstreamSync(),
      ]);
    }
    const ingest = selected('5a') || selected('5b');
    const start = selected('10a') || selected('10b');
    if (anySelected(BROWSER_FIGURES) || ingest || start) {
      build = await ensureAppBuild(log);
      log(build);
      // Figure 10 first: it measures start-up times, best on a machine the bench has not warmed.
      await runStartSuite({ figures });
    }
    if (anySelected(BROWSER_FIGURES) || ingest) {
      log('bundling the probe, the baseline worker and the workspace packages (webpack)');
      const assets = await bundleAssets();
      const lib = await import(pathToFileURL(assets.workspaceLib).href);
      if (ingest) await runIngestSuite({ lib, cleanup, figures });
      await runBrowserSuite({ lib, assets, cleanup, figures }).catch((error) => {
        // The shared setup failed: every browser figure not yet measured is an ERROR line.
        log(`browser figures failed: ${error?.stack ?? error}`);
        for (const figure of BROWSER_FIGURES) {
          if (selected(figure.id) && !figures.some((f) => f.id === figure.id))
            figures.push(failedFigure({ ...figure, error }));
        }
      });
    }
  } catch (error) {
    log(`bench crashed: ${error?.stack ?? error}`);
    figures.push(failedFigure({ id: '0', name: 'bench', error }));
  } finally {
    await cleanup.run();
  }
  writeReport({
    figures,
    meta: {
      startedAt: startedAt.toISOString(),
      durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine: `node ${process.version}, ${os.cpus().length} cores, ${os.platform()}`,
      build,
      settings: SETTINGS,
    },
  });
  return figures.some((f) => f.error) ? 1 : 0;
}
