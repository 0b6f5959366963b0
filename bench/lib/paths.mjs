// Where the bench reads and writes, resolved from this file so any working directory works.
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The bench folder. */
export const BENCH_DIR = fileURLToPath(new URL('../', import.meta.url));
/** Results and logs of the last run (gitignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
/** Bundles the bench builds for itself; under node_modules/.cache so git never sees them. */
export const BUILD_DIR = fileURLToPath(
  new URL('../../node_modules/.cache/courtsync-bench/', import.meta.url),
);
