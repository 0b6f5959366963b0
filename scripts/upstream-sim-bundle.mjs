// The upstream simulator as one JavaScript file for `npm start`. Run through tsx, it took
// 1.3–1.6 s of CPU to answer its first request (tsx's loader and its esbuild service compile
// every file on each start); bundled, 0.13 s. On a 2-core machine that start competed with
// the app's own (bench figure 10). `node scripts/upstream-sim-bundle.mjs [outFile]` builds it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIM_DIR = path.join(ROOT, 'packages/upstream-sim');
const ENTRY = path.join(SIM_DIR, 'src/cli.ts');
/** Where `npm start` runs the simulator from (ignored by git). */
export const UPSTREAM_SIM_BUNDLE = path.join(SIM_DIR, 'dist/cli.mjs');

/** Newest modification time (ms) of the simulator's sources and package.json. */
function newestSource() {
  let newest = statSync(path.join(SIM_DIR, 'package.json')).mtimeMs;
  const src = path.join(SIM_DIR, 'src');
  for (const entry of readdirSync(src, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.name.endsWith('.test.ts')) {
      const dir = entry.parentPath ?? entry.path;
      newest = Math.max(newest, statSync(path.join(dir, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * Makes sure `outFile` holds the simulator bundled from its current sources (its npm
 * dependencies stay imports, resolved from node_modules); builds it when missing or older.
 * Resolves with the file and, when it was built, the milliseconds it took.
 */
export async function ensureUpstreamSimBundle(outFile = UPSTREAM_SIM_BUNDLE) {
  if (existsSync(outFile) && statSync(outFile).mtimeMs >= newestSource()) {
    return { file: outFile, builtMs: undefined };
  }
  const started = performance.now();
  const { build } = await import('esbuild');
  await build({
    entryPoints: [ENTRY],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // zod and fast-xml-parser load from node_modules, as under tsx.
    packages: 'external',
    logLevel: 'warning',
  });
  return { file: outFile, builtMs: Math.round(performance.now() - started) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { file, builtMs } = await ensureUpstreamSimBundle(process.argv[2]);
  console.log(
    `${path.relative(process.cwd(), file)}: ${builtMs === undefined ? 'current' : `built in ${builtMs} ms`}`,
  );
}
