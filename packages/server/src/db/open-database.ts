import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { Pool } from 'pg';
import { logger } from '../logger';
import { closeLiveHub } from '../services/feed/hub-registry';
import {
  migratePgliteDatabase,
  migratePostgresClient,
  resolveMigrationsDir,
  withMigrationLock,
} from './migrate';
import * as schema from './schema';
import { seedDemoData } from './seed';
import type {
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
 * when `url` is given, else PGlite in `dataDir` (created if missing) or in memory.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const migrationsFolder = resolveMigrationsDir(options.migrationsDir);
  const seed = options.seed ?? true;
  if ('url' in options) return openPostgres(options.url, options.poolMax, migrationsFolder, seed);
  const dataDir = 'dataDir' in options ? options.dataDir : undefined;
  const create = options.createPglite ?? ((dir) => PGlite.create(dir ? { dataDir: dir } : {}));
  return openPglite(create, dataDir, migrationsFolder, seed);
}

async function openPostgres(
  url: string,
  poolMax: number | undefined,
  migrationsFolder: string,
  seed: boolean,
): Promise<DatabaseHandle> {
  const pool = new Pool({ connectionString: url, max: poolMax ?? 10 });
  // An idle client's error (server restart, network) must not crash the process.
  pool.on('error', (error) => logger.warn('idle PostgreSQL client failed', { error }));
  try {
    await withMigrationLock(pool, async (client) => {
      await migratePostgresClient(client, migrationsFolder);
      if (seed) await seedDemoData(drizzlePg({ client, schema }));
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
  return { db, driver: 'pg', close };
}

async function openPglite(
  create: PgliteFactory,
  dataDir: string | undefined,
  migrationsFolder: string,
  seed: boolean,
): Promise<DatabaseHandle> {
  // PGlite.create does not create parent directories (notes/database.md pitfall 6).
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await create(dataDir);
  const db = drizzlePglite({ client, schema });
  try {
    await migratePgliteDatabase(db, migrationsFolder);
    if (seed) await seedDemoData(db);
  } catch (error) {
    await client.close();
    throw error;
  }
  drivers.set(db, 'pglite');
  clients.set(db, { driver: 'pglite', pglite: client });
  const close = async () => {
    await closeLiveHub(db);
    await client.close();
  };
  return { db, driver: 'pglite', close };
}
