// Build step (run by `npm start` after `next build`, and by the bench): prepares the PGlite
// data directory a fresh server copies instead of running initdb (issue #14). The directory
// is created and migrated once — no demo seed, whose dates follow the day the server starts —
// and closed cleanly, so a copy opens without recovery. It lives in `<root>/<key>/pgdata`, the
// key hashing the PGlite version and the migrations folder the way the server does
// (packages/server/src/db/pglite-template.ts): new migrations or another PGlite make a new key,
// and until this step runs again the server falls back to initdb. Idempotent: a current
// template is kept; templates of other keys are removed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Must equal TEMPLATE_FORMAT in pglite-template.ts. */
const TEMPLATE_FORMAT = 'courtsync-pglite-template 2';
const READY = 'ready';
/** As SCHEMA_STAMP in pglite-template.ts: the copies are migrated up to `key`, not seeded. */
const SCHEMA_STAMP = 'courtsync-schema.key';

/**
 * `PGlite.create` options with the settings the server starts PGlite with
 * (packages/server/src/db/pglite-settings.json, read by pglite-options.ts too).
 */
export function pgliteCreateOptions(PGlite, dataDir) {
  const file = path.join(ROOT, 'packages/server/src/db/pglite-settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8'));
  const ours = Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  return { dataDir, startParams: [...PGlite.defaultStartParams, ...ours] };
}

/** Every file below `dir`, as sorted '/'-separated relative paths. */
function filesBelow(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** The same key as `templateKey` of the server (checked by pglite-template.test.ts). */
export function templateKey(migrationsFolder, cwd = ROOT) {
  const pkg = path.join(cwd, 'node_modules/@electric-sql/pglite/package.json');
  let version = 'unknown';
  try {
    version = JSON.parse(readFileSync(pkg, 'utf8')).version ?? 'unknown';
  } catch {
    // As on the server: an unreadable version still gives a stable key.
  }
  const hash = createHash('sha256');
  hash.update(`${TEMPLATE_FORMAT}\npglite ${version}\n`);
  for (const file of filesBelow(migrationsFolder)) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(path.join(migrationsFolder, file)));
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 32);
}

/** Makes sure `<root>/<key>` holds a complete template; returns what it did. */
export async function prepareDatabaseTemplate({
  root = process.env.PGLITE_TEMPLATE_DIR ?? path.join(ROOT, '.next/cache/courtsync-pglite'),
  migrationsFolder = process.env.MIGRATIONS_DIR ?? path.join(ROOT, 'packages/server/drizzle'),
} = {}) {
  const key = templateKey(migrationsFolder);
  const target = path.join(root, key);
  const removeOthers = () => {
    for (const name of readdirSync(root)) {
      if (name !== key) rmSync(path.join(root, name), { recursive: true, force: true });
    }
  };
  if (existsSync(path.join(target, READY))) {
    removeOthers();
    return { key, target, created: false };
  }
  const started = performance.now();
  const staging = `${target}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.join(staging, 'pgdata'), { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create(pgliteCreateOptions(PGlite, path.join(staging, 'pgdata')));
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
    // A clean shutdown writes a checkpoint: the copies start without replaying WAL.
    await client.query('CHECKPOINT');
  } finally {
    await client.close();
  }
  writeFileSync(path.join(staging, 'pgdata', SCHEMA_STAMP), `${key}\n`);
  writeFileSync(path.join(staging, READY), `${new Date().toISOString()}\n`);
  rmSync(target, { recursive: true, force: true });
  await rename(staging, target);
  removeOthers();
  return { key, target, created: true, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const result = await prepareDatabaseTemplate();
  const where = path.relative(ROOT, result.target) || result.target;
  console.log(
    result.created
      ? `> Prepared the embedded database in ${result.ms} ms (${where})`
      : `> Embedded database template is current (${where})`,
  );
}
