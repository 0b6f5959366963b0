// Bundles what the bench runs outside the app: a probe that puts the app's own client code
// (record, loadMatch) in the app's page, the baseline service worker (a workbox Queue), and
// the protocol + scoring packages for Node. The packages ship TypeScript, so webpack (already a
// dev dependency) strips types with the repo's TypeScript compiler.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import webpack from 'webpack';
import { BENCH_DIR, BUILD_DIR, ROOT } from './paths.mjs';

const loader = path.join(BENCH_DIR, 'lib/ts-transpile-loader.mjs');

/** Settings every bundle shares: production mode, unminified (nothing here is measured). */
function baseConfig(name, entry, target) {
  return {
    name,
    mode: 'production',
    context: ROOT,
    entry: path.join(BENCH_DIR, entry),
    target,
    devtool: false,
    performance: { hints: false },
    optimization: { minimize: false },
    resolve: { extensions: ['.ts', '.tsx', '.mjs', '.js'] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: loader }] },
    output: { path: BUILD_DIR, filename: `${name}.js` },
    infrastructureLogging: { level: 'error' },
  };
}

const CONFIGS = [
  baseConfig('app-probe', 'browser/app-probe.mjs', 'web'),
  baseConfig('baseline-sw', 'browser/baseline-sw.mjs', 'webworker'),
  {
    ...baseConfig('workspace-lib', 'lib/workspace-entry.mjs', 'node'),
    experiments: { outputModule: true },
    output: {
      path: BUILD_DIR,
      filename: 'workspace-lib.mjs',
      library: { type: 'module' },
      module: true,
      chunkFormat: 'module',
    },
  },
];

/** Builds the three bundles into BUILD_DIR and returns their paths. */
export async function bundleAssets() {
  mkdirSync(BUILD_DIR, { recursive: true });
  const compiler = webpack(CONFIGS);
  const stats = await new Promise((resolve, reject) =>
    compiler.run((error, result) => (error ? reject(error) : resolve(result))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) {
    throw new Error(`bench bundles failed:\n${stats.toString({ all: false, errors: true })}`);
  }
  return {
    appProbe: path.join(BUILD_DIR, 'app-probe.js'),
    baselineSw: path.join(BUILD_DIR, 'baseline-sw.js'),
    workspaceLib: path.join(BUILD_DIR, 'workspace-lib.mjs'),
  };
}
