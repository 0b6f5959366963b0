import { sql } from 'drizzle-orm';
import { databaseDriver } from '../db/open-database';
import type { Database, DatabaseDriver } from '../db/types';
import type { HandlerDeps } from './handler-deps';
import { errorResponse, jsonResponse } from './responses';
import { withRoute } from './with-route';

/** Handler of /api/health. */
export interface HealthHandler {
  /** GET /api/health — 200 with the database driver, 503 when the database fails. */
  health(request: Request): Promise<Response>;
}

/** Driver of a database not opened through openDatabase: PGlite's client has `waitReady`. */
function driverOf(db: Database): DatabaseDriver {
  const known = databaseDriver(db);
  if (known) return known;
  const client = (db as { $client?: unknown }).$client;
  return client && typeof client === 'object' && 'waitReady' in client ? 'pglite' : 'pg';
}

/** Builds the health handler. */
export function createHealthHandler(deps: HandlerDeps): HealthHandler {
  const { getDb } = deps;
  return {
    health: (request) =>
      withRoute(request, 'health', deps, async (ctx) => {
        try {
          const db = await getDb();
          await db.execute(sql`select 1`);
          return jsonResponse(200, { status: 'ok', db: driverOf(db) });
        } catch (error) {
          ctx.log.error('health check failed', { error });
          return errorResponse(503, 'INTERNAL', 'Database unavailable');
        }
      }),
  };
}
