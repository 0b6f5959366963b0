// The production build the bench measures: reused when .next/BUILD_ID is newer than every
// source that goes into it, else rebuilt with `next build --webpack` (the PWA plugin needs
// webpack). BENCH_BUILD=always|never overrides.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR, ROOT } from './paths.mjs';

const SOURCE_FILES = [
  'next.config.js',
  'instrumentation.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];
/** Tests are not built into the app. */
const SKIP = /\.test\.tsx?$/;

/** app/, worker/ and every workspace package's src/ and package.json. */
function sourceDirs() {
  const packages = readdirSync(path.join(ROOT, 'packages'));
  return ['app', 'worker', ...packages.map((p) => `packages/${p}/src`)].filter((d) =>
    existsSync(path.join(ROOT, d)),
  );
}

function sourceFiles() {
  const packages = readdirSync(path.join(ROOT, 'packages'));
  return [...SOURCE_FILES, ...packages.map((p) => `packages/${p}/package.json`)].filter((f) =>
    existsSync(path.join(ROOT, f)),
  );
}

/** Newest modification time (ms) of the files under `dir`, skipping tests and migrations. */
function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || SKIP.test(file)) continue;
    newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** Why a build is needed, or undefined when the existing one is current. */
function staleReason() {
  const buildId = path.join(ROOT, '.next/BUILD_ID');
  if (!existsSync(buildId)) return 'no .next/BUILD_ID';
  if (!existsSync(path.join(ROOT, 'public/sw.js'))) return 'no public/sw.js';
  const builtAt = statSync(buildId).mtimeMs;
  const newest = Math.max(
    ...sourceDirs().map((d) => newestIn(path.join(ROOT, d))),
    ...sourceFiles().map((f) => statSync(path.join(ROOT, f)).mtimeMs),
  );
  return newest > builtAt ? 'sources changed since the last build' : undefined;
}

/**
 * Makes sure a current production build exists, and the prepared PGlite database `npm start`
 * makes after building (scripts/prepare-database.mjs; kept when current); returns a one-line
 * description.
 */
export async function ensureAppBuild(log) {
  const build = await ensureNextBuild(log);
  const { prepareDatabaseTemplate } = await import('../../scripts/prepare-database.mjs');
  const template = await prepareDatabaseTemplate();
  // What `npm start` runs the simulator from (figure 10 starts it): built here, not timed there.
  const { ensureUpstreamSimBundle } = await import('../../scripts/upstream-sim-bundle.mjs');
  const sim = await ensureUpstreamSimBundle();
  return (
    `${build}; database template ${template.created ? `prepared in ${template.ms} ms` : 'current'}` +
    `; simulator bundle ${sim.builtMs === undefined ? 'current' : `built in ${sim.builtMs} ms`}`
  );
}

async function ensureNextBuild(log) {
  const mode = process.env.BENCH_BUILD ?? 'auto';
  const reason = mode === 'always' ? 'BENCH_BUILD=always' : staleReason();
  if (!reason) return 'build reused (.next/BUILD_ID newer than the sources)';
  if (mode === 'never') {
    if (!existsSync(path.join(ROOT, '.next/BUILD_ID')))
      throw new Error('BENCH_BUILD=never but no build');
    return `build reused (BENCH_BUILD=never; ${reason})`;
  }
  const logFile = path.join(RESULTS_DIR, 'build.log');
  log(`building the app (${reason}): next build --webpack, log in bench/results/build.log`);
  const started = performance.now();
  const code = await new Promise((resolve, reject) => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const out = createWriteStream(logFile);
    out.on('error', () => undefined);
    const child = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['build', '--webpack'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code}); see bench/results/build.log`);
  return `built in ${Math.round((performance.now() - started) / 1000)} s (${reason})`;
}
