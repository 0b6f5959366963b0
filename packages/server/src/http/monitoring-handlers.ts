import {
  acknowledgeAlertBodySchema,
  healthOverviewSchema,
  performanceHistoryQuerySchema,
  performanceHistorySchema,
  resolveErrorBodySchema,
  syncErrorListSchema,
  syncErrorQuerySchema,
  tournamentSyncListSchema,
} from '@courtsync/protocol';
import type { z } from 'zod/mini';
import { acknowledgeAlert, listActiveAlerts } from '../monitoring/alert-engine';
import { listErrors, resolveError, toSyncError } from '../monitoring/error-log';
import type { MonitoringRuntime } from '../monitoring/runtime';
import type { HandlerDeps } from './handler-deps';
import { parseQuery } from './handler-deps';
import { parseBody } from './parse-body';
import { adminOf } from './admin-of';
import { HttpError, jsonResponse } from './responses';
import { withRoute } from './with-route';

/** Handlers of /api/v1/sync/monitoring/* (admin only, F32–F36). */
export interface MonitoringHandlers {
  /** GET health-overview: overall status, a card per job, active alerts. */
  healthOverview(request: Request): Promise<Response>;
  /** GET performance-history?period=24h|7d&entity=<job>: the charts' buckets. */
  performanceHistory(request: Request): Promise<Response>;
  /** GET tournaments: the latest sync result per tournament. */
  tournamentSync(request: Request): Promise<Response>;
  /** GET alerts: unresolved alerts. */
  listAlerts(request: Request): Promise<Response>;
  /** POST alerts/:id/acknowledge. */
  acknowledgeAlert(request: Request, id: string): Promise<Response>;
  /** GET errors?job&type&severity&resolved&limit: the error log. */
  listSyncErrors(request: Request): Promise<Response>;
  /** POST errors/:id/resolve {notes}. */
  resolveSyncError(request: Request, id: string): Promise<Response>;
}

/** Bodies of these routes are a note or a few fields. */
const SMALL_BODY = 16 * 1024;

/** A JSON body parsed with `schema` (at most 16 kB); 400 VALIDATION_FAILED with the issues. */
export const parseSmallBody = <T extends z.ZodMiniType>(request: Request, schema: T) =>
  parseBody(request, schema, 'body', SMALL_BODY);

/** A numeric path id; 400 VALIDATION_FAILED when it is not a positive integer. */
export function parseNumericId(id: string, what: string): number {
  const n = Number(id);
  if (!/^\d{1,15}$/.test(id) || !Number.isSafeInteger(n) || n < 1) {
    throw new HttpError(400, 'VALIDATION_FAILED', `Invalid ${what} id`);
  }
  return n;
}

/** Builds the monitoring handlers over the monitoring runtime. */
export function createMonitoringHandlers(
  deps: HandlerDeps,
  monitoring: () => MonitoringRuntime,
): MonitoringHandlers {
  const { getDb } = deps;
  const now = () => monitoring().monitor.now();
  return {
    healthOverview: (request) =>
      withRoute(request, 'healthOverview', deps, async () => {
        const overview = await monitoring().monitor.healthOverview();
        return jsonResponse(200, healthOverviewSchema.parse(overview));
      }),

    performanceHistory: (request) =>
      withRoute(request, 'performanceHistory', deps, async () => {
        const query = parseQuery(request, performanceHistoryQuerySchema);
        const history = await monitoring().monitor.performanceHistory(
          query.period,
          query.entity ?? null,
        );
        return jsonResponse(200, performanceHistorySchema.parse(history));
      }),

    tournamentSync: (request) =>
      withRoute(request, 'tournamentSync', deps, async () => {
        const tournaments = await monitoring().monitor.tournamentResults(200);
        return jsonResponse(200, tournamentSyncListSchema.parse({ tournaments }));
      }),

    listAlerts: (request) =>
      withRoute(request, 'listAlerts', deps, async () => {
        return jsonResponse(200, { alerts: await listActiveAlerts(await getDb()) });
      }),

    acknowledgeAlert: (request, id) =>
      withRoute(request, 'acknowledgeAlert', deps, async (ctx) => {
        const admin = adminOf(ctx);
        const alertId = parseNumericId(id, 'alert');
        const body = await parseSmallBody(request, acknowledgeAlertBodySchema);
        const alert = await acknowledgeAlert(await getDb(), alertId, admin.id, body.note, now());
        if (!alert) throw new HttpError(404, 'NOT_FOUND', 'No unresolved alert with this id');
        return jsonResponse(200, alert);
      }),

    listSyncErrors: (request) =>
      withRoute(request, 'listSyncErrors', deps, async () => {
        const query = parseQuery(request, syncErrorQuerySchema);
        const rows = await listErrors(await getDb(), query);
        return jsonResponse(200, syncErrorListSchema.parse({ errors: rows.map(toSyncError) }));
      }),

    resolveSyncError: (request, id) =>
      withRoute(request, 'resolveSyncError', deps, async (ctx) => {
        const admin = adminOf(ctx);
        const errorId = parseNumericId(id, 'error');
        const body = await parseSmallBody(request, resolveErrorBodySchema);
        const row = await resolveError(await getDb(), errorId, admin.id, body.notes, now());
        if (!row) throw new HttpError(404, 'NOT_FOUND', 'No error with this id');
        return jsonResponse(200, toSyncError(row));
      }),
  };
}
