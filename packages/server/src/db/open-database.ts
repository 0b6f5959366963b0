import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { logger } from '../logger';
import { closeLiveHub } from '../services/feed/hub-registry';
import { migratePostgresClient, resolveMigrationsDir, withMigrationLock } from './migrate';
import { pgliteOptions } from './pglite-options';
import { openPglite } from './open-pglite';
import { defaultTemplateRoot } from './pglite-template';
import * as schema from './schema';
import { seedDemoData } from './seed';
import type {
  BootReport,
  Database,
  DatabaseDriver,
  DatabaseHandle,
  OpenDatabaseOptions,
  PgliteFactory,
  RawDatabaseClient,
} from './types';

const DRIVERS = Symbol.for('courtsync.server.databaseDrivers');

/**
 * Driver of every database opened here, for callers that only hold the drizzle object. On
 * globalThis because Next loads this module twice and either copy may have opened the db.
 */
const drivers: WeakMap<Database, DatabaseDriver> = ((
  globalThis as typeof globalThis & { [DRIVERS]?: WeakMap<Database, DatabaseDriver> }
)[DRIVERS] ??= new WeakMap());

/** The engine behind `db` if it was opened by `openDatabase`, else undefined. */
export function databaseDriver(db: Database): DatabaseDriver | undefined {
  return drivers.get(db);
}

const CLIENTS = Symbol.for('courtsync.server.databaseClients');

/** The raw client behind each database opened here (for session-level advisory locks). */
const clients: WeakMap<Database, RawDatabaseClient> = ((
  globalThis as typeof globalThis & { [CLIENTS]?: WeakMap<Database, RawDatabaseClient> }
)[CLIENTS] ??= new WeakMap());

/** The pg Pool or PGlite instance behind `db` if it was opened by `openDatabase`. */
export function databaseClient(db: Database): RawDatabaseClient | undefined {
  return clients.get(db);
}

/**
 * Opens, migrates and (unless `seed: false`) seeds a database: PostgreSQL through a `pg` Pool
 * when `url` is given, else PGlite in `dataDir` (created if missing, from the prepared
 * template when there is a current one) or in memory.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const migrationsFolder = resolveMigrationsDir(options.migrationsDir);
  const seed = options.seed ?? true;
  if ('url' in options) return openPostgres(options.url, options.poolMax, migrationsFolder, seed);
  const dataDir = 'dataDir' in options ? options.dataDir : undefined;
  const start = options.createPglite ?? ((dir) => PGlite.create(pgliteOptions(dir)));
  // The instance openPglite ends up with (it starts a second one when a template fails to
  // open), registered below for the advisory locks of the upstream jobs (databaseClient).
  let client: PGlite | undefined;
  const create: PgliteFactory = async (dir) => (client = await start(dir));
  const template = options.template ?? defaultTemplateRoot();
  const handle = await openPglite({ create, dataDir, template, migrationsFolder, seed });
  drivers.set(handle.db, 'pglite');
  if (client) clients.set(handle.db, { driver: 'pglite', pglite: client });
  return handle;
}

/** Milliseconds since `started`, rounded. */
const since = (started: number) => Math.round(performance.now() - started);

async function openPostgres(
  url: string,
  poolMax: number | undefined,
  migrationsFolder: string,
  seed: boolean,
): Promise<DatabaseHandle> {
  const pool = new Pool({ connectionString: url, max: poolMax ?? 10 });
  // An idle client's error (server restart, network) must not crash the process.
  pool.on('error', (error) => logger.warn('idle PostgreSQL client failed', { error }));
  const boot: BootReport = { openMs: 0, migrateMs: 0, seedMs: 0 };
  try {
    let started = performance.now();
    await withMigrationLock(pool, async (client) => {
      boot.openMs = since(started);
      started = performance.now();
      await migratePostgresClient(client, migrationsFolder);
      boot.migrateMs = since(started);
      started = performance.now();
      if (seed) await seedDemoData(drizzlePg({ client, schema }));
      boot.seedMs = since(started);
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg({ client: pool, schema });
  drivers.set(db, 'pg');
  clients.set(db, { driver: 'pg', pool });
  // The live hub's LISTEN connection goes first: it would reconnect to a closing database.
  const close = async () => {
    await closeLiveHub(db);
    await pool.end();
  };
  return { db, driver: 'pg', close, boot };
}
