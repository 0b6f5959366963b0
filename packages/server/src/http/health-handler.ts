import { sql } from 'drizzle-orm';
import { databaseDriver } from '../db/open-database';
import type { Database, DatabaseDriver } from '../db/types';
import type { MonitoringRuntime } from '../monitoring/runtime';
import { listJobStatus } from '../monitoring/sync-status';
import type { HandlerDeps } from './handler-deps';
import { errorResponse, jsonResponse } from './responses';
import { withRoute } from './with-route';

/** Handler of /api/health. */
export interface HealthHandler {
  /**
   * GET /api/health (F40) — 200 with the database driver, whether this instance's scheduler
   * runs, and per job the age of its last run; 503 when the database fails.
   */
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
export function createHealthHandler(
  deps: HandlerDeps,
  monitoring: () => MonitoringRuntime,
): HealthHandler {
  const { getDb } = deps;
  return {
    health: (request) =>
      withRoute(request, 'health', deps, async (ctx) => {
        let db: Database;
        try {
          db = await getDb();
          await db.execute(sql`select 1`);
        } catch (error) {
          ctx.log.error('health check failed', { error });
          return errorResponse(503, 'INTERNAL', 'Database unavailable');
        }
        const runtime = monitoring();
        const now = runtime.monitor.now().getTime();
        // The job table is monitoring data: its failure must not fail the liveness check.
        const rows = await listJobStatus(db).catch(() => []);
        const jobs = Object.fromEntries(
          rows.map((r) => [
            r.job,
            {
              active: r.active,
              lastOutcome: r.lastOutcome,
              lastRunAgeSeconds: r.lastRunAt
                ? Math.round((now - r.lastRunAt.getTime()) / 1000)
                : null,
            },
          ]),
        );
        return jsonResponse(200, {
          status: 'ok',
          db: driverOf(db),
          scheduler: { running: runtime.runner()?.schedulerRunning() ?? false },
          jobs,
        });
      }),
  };
}
