import path from 'node:path';
import { logger } from '../logger';
import { openDatabase } from './open-database';
import type { DatabaseHandle, OpenDatabaseOptions } from './types';

/** State shared by every copy of this module in the process (Next loads server code twice). */
interface SingletonState {
  opening?: Promise<DatabaseHandle>;
  /** Set by `closeDatabase`: a request arriving during shutdown must not reopen the database. */
  closed?: boolean;
}

const KEY = Symbol.for('courtsync.server.database');

function state(): SingletonState {
  const holder = globalThis as typeof globalThis & { [KEY]?: SingletonState };
  return (holder[KEY] ??= {});
}

/** Options for the app's database from the environment: `DATABASE_URL`, else PGlite in `DATA_DIR`. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenDatabaseOptions {
  const url = env.DATABASE_URL;
  if (url) return { url };
  return { dataDir: path.resolve(env.DATA_DIR ?? './data/pglite') };
}

/**
 * The app's database, opened (migrated, seeded) on first call and shared afterwards. Never
 * called at import time: `next build` imports server modules and must not open anything.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  const s = state();
  if (s.closed) return Promise.reject(new Error('The database has been closed (shutting down)'));
  if (!s.opening) {
    const options = databaseOptionsFromEnv();
    const started = Date.now();
    const opening = openDatabase(options).then(
      (handle) => {
        const ms = Date.now() - started;
        logger.info('database ready', { driver: handle.driver, ms, ...handle.boot });
        return handle;
      },
      (error: unknown) => {
        // Forget the failure so the next request tries again (e.g. PostgreSQL was still starting).
        if (state().opening === opening) delete state().opening;
        logger.error('database open failed', { error });
        throw error;
      },
    );
    s.opening = opening;
  }
  return s.opening;
}

/**
 * Closes the app's database if it was opened. With `final` (shutdown) later `getDatabase`
 * calls fail instead of opening it again.
 */
export async function closeDatabase(options: { final?: boolean } = {}): Promise<void> {
  const s = state();
  if (options.final) s.closed = true;
  const opening = s.opening;
  delete s.opening;
  if (!opening) return;
  const handle = await opening.catch(() => undefined);
  if (handle) {
    await handle.close();
    logger.info('database closed', { driver: handle.driver });
  }
}
