import type { PGliteOptions } from '@electric-sql/pglite';
import { PGlite } from '@electric-sql/pglite';
import settings from './pglite-settings.json';

/**
 * PostgreSQL settings every PGlite of ours starts with (also read by scripts/ and bench/, which
 * cannot import TypeScript). shared_buffers: PGlite's default of 128 MB is zeroed inside the
 * wasm memory on every start — ≈ 400 ms of a 1 s open here (measured with
 * `node --cpu-prof`); 16 MB holds our working set (a tournament's matches and events) many
 * times over, and PGlite's pages live in the OS page cache anyway. wal_buffers would shrink
 * with it (1/32 of shared_buffers), so it keeps PostgreSQL's 4 MB for bursts of pushes.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = settings;

/** PGlite's own start parameters plus `-c name=value` for each of PGLITE_SETTINGS. */
export function pgliteStartParams(defaults: readonly string[]): string[] {
  const ours = Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => [
    '-c',
    `${name}=${value}`,
  ]);
  return [...defaults, ...ours];
}

/**
 * Options for `PGlite.create`: on `dataDir` (or in memory) with PGLITE_SETTINGS. `defaults`:
 * the start parameters of the PGlite class that will use them (tests load their own copy).
 */
export function pgliteOptions(
  dataDir: string | undefined,
  defaults: readonly string[] = PGlite.defaultStartParams,
): PGliteOptions {
  const startParams = pgliteStartParams(defaults);
  return dataDir ? { dataDir, startParams } : { startParams };
}
