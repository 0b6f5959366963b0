import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { copyTree } from './copy-tree';

/**
 * A prepared PGlite data directory: created (initdb) and migrated once by the build
 * (scripts/prepare-database.mjs), then copied into a fresh DATA_DIR instead of running initdb
 * on every first start (3.6–10 s here; a copy takes well under 1 s).
 *
 * Templates live in `<root>/<key>/`, `key` being a hash of the PGlite version and of every
 * file in the migrations folder: a template made for other migrations or another PGlite is
 * simply not found, and the server falls back to a normal initdb. The build writes
 * `<key>/pgdata` first and the `ready` marker last, so a half-written template is never used.
 * scripts/prepare-database.mjs computes the same key (pglite-template.test.ts checks both agree).
 */

/** Bumped when the template's contents change meaning (e.g. if it ever held seed data). */
const TEMPLATE_FORMAT = 'courtsync-pglite-template 2';

/** File written last into a template folder: the template is complete. */
export const TEMPLATE_READY = 'ready';

/**
 * File in a PGlite data directory holding the key of the migrations last applied to it (first
 * line) and `seeded` once the demo data went in, so a restart checks both by reading one file
 * instead of running the migrator's and the seed's queries on a cold engine. PostgreSQL
 * ignores unknown files in its data directory.
 */
const SCHEMA_STAMP = 'courtsync-schema.key';

/** What the stamp of a data directory says. */
export interface SchemaStamp {
  key: string;
  seeded: boolean;
}

/** The stamp of `dataDir`, if it has one. */
export function readSchemaStamp(dataDir: string): SchemaStamp | undefined {
  try {
    const [key = '', ...rest] = readFileSync(path.join(dataDir, SCHEMA_STAMP), 'utf8').split('\n');
    return { key: key.trim(), seeded: rest.some((line) => line.trim() === 'seeded') };
  } catch {
    return undefined;
  }
}

/** Records that `dataDir` is migrated up to the migrations of `key` (and seeded). */
export function writeSchemaStamp(dataDir: string, stamp: SchemaStamp): void {
  writeFileSync(
    path.join(dataDir, SCHEMA_STAMP),
    `${stamp.key}\n${stamp.seeded ? 'seeded\n' : ''}`,
  );
}

/** Default root of prepared templates: in Next's build cache, kept across rebuilds. */
export function defaultTemplateRoot(cwd: string = process.cwd()): string {
  return process.env.PGLITE_TEMPLATE_DIR ?? path.join(cwd, '.next/cache/courtsync-pglite');
}

/**
 * Version of the installed PGlite, read from node_modules below `cwd` (its package.json is
 * not exported, and the server runs from the project root as the migrations folder assumes).
 */
function pgliteVersion(cwd: string): string {
  try {
    const file = path.join(cwd, 'node_modules/@electric-sql/pglite/package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Every file below `dir`, as sorted '/'-separated relative paths. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** The key of the template that matches `migrationsFolder` and the installed PGlite. */
export function templateKey(migrationsFolder: string, cwd: string = process.cwd()): string {
  const hash = createHash('sha256');
  hash.update(`${TEMPLATE_FORMAT}\npglite ${pgliteVersion(cwd)}\n`);
  for (const file of filesBelow(migrationsFolder)) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(path.join(migrationsFolder, file)));
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 32);
}

/** What happened to a data directory before PGlite opened it. */
export type TemplateOutcome =
  /** The directory already held a database (a restart). */
  | { template: 'existing' }
  /** Copied from the prepared template in `ms`. */
  | { template: 'copied'; ms: number }
  /** No template used (none prepared, stale, disabled, or the copy failed): initdb runs. */
  | { template: 'none'; reason: string };

/** Whether `dataDir` holds a PostgreSQL cluster already. */
export const holdsDatabase = (dataDir: string) => existsSync(path.join(dataDir, 'PG_VERSION'));

/**
 * Fills a fresh `dataDir` from the prepared template, if there is a current one. The copy
 * goes to a sibling folder first and is renamed into place, so a crash mid-copy leaves no
 * half database behind. Never touches a directory that holds anything.
 */
export async function copyTemplateInto(
  dataDir: string,
  options: { key: string; root: string | false },
): Promise<TemplateOutcome> {
  if (holdsDatabase(dataDir)) return { template: 'existing' };
  if (options.root === false) return { template: 'none', reason: 'disabled' };
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    return { template: 'none', reason: 'data directory is not empty' };
  }
  const started = performance.now();
  const source = path.join(options.root, options.key);
  if (!existsSync(path.join(source, TEMPLATE_READY))) {
    return { template: 'none', reason: `no current template in ${options.root}` };
  }
  const staging = `${dataDir}.copy-${process.pid}`;
  try {
    await rm(staging, { recursive: true, force: true });
    // Async, so the event loop keeps serving while ~40 MB are copied.
    await copyTree(path.join(source, 'pgdata'), staging);
    if (existsSync(dataDir)) await rmdir(dataDir);
    await rename(staging, dataDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    return { template: 'none', reason: `copy failed: ${String(error)}` };
  }
  return { template: 'copied', ms: Math.round(performance.now() - started) };
}
