import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

/** The drizzle database of CourtSync, whichever driver (PGlite or node-postgres) is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle of `Database`; services take it so they compose inside one transaction. */
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  typeof schema,
  ExtractTablesWithRelations<typeof schema>
>;

/** Which engine is behind a `Database`: embedded PGlite or a PostgreSQL server through `pg`. */
export type DatabaseDriver = 'pglite' | 'pg';

/** An open database and how to close it. */
export interface DatabaseHandle {
  /** The drizzle database. */
  readonly db: Database;
  /** The engine behind `db`. */
  readonly driver: DatabaseDriver;
  /** Closes the pool or the PGlite instance; the handle is unusable afterwards. */
  close(): Promise<void>;
  /** Where the time of opening went (logged with "database ready"). */
  readonly boot: BootReport;
}

/** Milliseconds per step of `openDatabase`, and how a PGlite data directory was set up. */
export interface BootReport {
  /** PGlite in a directory: 'existing' (a restart), 'copied' (prepared template) or 'none' (initdb). */
  template?: 'existing' | 'copied' | 'none';
  /** Why no template was used. */
  templateReason?: string;
  /** Copying the template. */
  copyMs?: number;
  /** Starting the engine: PGlite.create (WASM, initdb or crash recovery) or the first connection. */
  openMs: number;
  /** PGlite in a directory: 'current' (its schema stamp matched) or 'checked' (migrator ran). */
  migrations?: 'current' | 'checked';
  /** Checking (and applying) migrations. */
  migrateMs: number;
  /** PGlite in a directory: demo data seeded 'now', 'before' (its stamp says so) or 'off'. */
  seed?: 'now' | 'before' | 'off';
  /** The idempotent demo seed. */
  seedMs: number;
}

/** Starts a PGlite instance: in `dataDir`, or in memory when it is undefined. */
export type PgliteFactory = (dataDir: string | undefined) => Promise<PGlite>;

/** PGlite options: a data directory or memory, and optionally how to start PGlite. */
export type PgliteOptions = ({ dataDir: string } | { memory: true }) & {
  /**
   * Default `PGlite.create`. Tests pass one loaded outside Jest's VM sandbox, where PGlite's
   * own dynamic imports fail without --experimental-vm-modules.
   */
  createPglite?: PgliteFactory;
  /**
   * Root folder of prepared data directories (pglite-template.ts) a fresh `dataDir` is copied
   * from; default `PGLITE_TEMPLATE_DIR` or .next/cache/courtsync-pglite; `false`: always initdb.
   */
  template?: string | false;
};

/** How to open a database: a PostgreSQL url, a PGlite data directory, or PGlite in memory. */
export type OpenDatabaseOptions = ({ url: string; poolMax?: number } | PgliteOptions) & {
  /** Folder of drizzle-kit migrations; defaults to `MIGRATIONS_DIR` or ./packages/server/drizzle. */
  migrationsDir?: string;
  /** Insert the demo tournament (idempotent); default true. */
  seed?: boolean;
};

/** The connection pool or embedded instance behind a `Database`. */
export type RawDatabaseClient = { driver: 'pg'; pool: Pool } | { driver: 'pglite'; pglite: PGlite };
