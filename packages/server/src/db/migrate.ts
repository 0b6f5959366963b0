import path from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Pool, PoolClient } from 'pg';
import * as schema from './schema';

/** Arbitrary constant key of the advisory lock that serializes migrations across instances. */
const MIGRATION_LOCK_KEY = 727_100_001;

/**
 * Folder of the generated migrations. Resolved from the working directory, not `__dirname`:
 * webpack bundles this module into .next/, where `__dirname` no longer points at the source.
 */
export function resolveMigrationsDir(explicit?: string): string {
  return (
    explicit ?? process.env.MIGRATIONS_DIR ?? path.join(process.cwd(), 'packages/server/drizzle')
  );
}

/** Applies pending migrations to PGlite (one session, so no lock is needed). */
export async function migratePgliteDatabase(
  db: PgliteDatabase<typeof schema>,
  migrationsFolder: string,
): Promise<void> {
  await migratePglite(db, { migrationsFolder });
}

/**
 * Runs `work` on one checked-out client while holding the migration advisory lock. Several
 * instances may boot at once and drizzle's migrator takes no lock of its own; lock and unlock
 * must run on the same connection, hence a checked-out client rather than the pool.
 */
export async function withMigrationLock<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** Applies pending migrations to PostgreSQL through the locked client. */
export async function migratePostgresClient(
  client: PoolClient,
  migrationsFolder: string,
): Promise<void> {
  await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
}
