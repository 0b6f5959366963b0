import type { Database } from '../db/types';
import { logger as defaultLogger } from '../logger';
import type { Logger } from '../logger';
import { appMonitoring } from '../monitoring/runtime';
import type { MonitoringRuntime } from '../monitoring/runtime';
import type { HandlerDeps } from './handler-deps';
import { createHealthHandler } from './health-handler';
import type { HealthHandler } from './health-handler';
import { createMatchHandlers } from './match-handlers';
import type { MatchHandlers } from './match-handlers';
import { createMetricsHandler } from './metrics-handler';
import type { MetricsHandler } from './metrics-handler';
import { createMonitoringHandlers } from './monitoring-handlers';
import type { MonitoringHandlers } from './monitoring-handlers';
import { createScoreHandlers } from './score-handlers';
import type { ScoreHandlers } from './score-handlers';
import { createStreamHandler } from './stream-handler';
import type { StreamHandler, StreamOptions } from './stream-handler';
import { createSyncAdminHandlers } from './sync-admin-handlers';
import type { SyncAdminHandlers } from './sync-admin-handlers';
import { createSyncHandlers } from './sync-handlers';
import type { SyncHandlers } from './sync-handlers';
import { createTournamentHandlers } from './tournament-handlers';
import type { TournamentHandlers } from './tournament-handlers';

/** Options of `createApiHandlers`. */
export interface ApiHandlerOptions extends StreamOptions {
  /** Where request and error logs go; default the process logger. */
  logger?: Logger;
  /** The sync monitoring behind the monitoring/admin routes; default the app's (globalThis). */
  monitoring?: MonitoringRuntime;
}

/**
 * The API's route handlers as plain `Request → Response` functions (no Next.js types):
 * push, pull, stream, connectivityTest, getMatch, getMatchEvents, listTournaments, health,
 * metrics, the sync monitoring and admin routes, and the score APIs (listScores, getScore, getScoreHistory, postScoreCorrection).
 */
export interface ApiHandlers
  extends
    SyncHandlers,
    StreamHandler,
    MatchHandlers,
    TournamentHandlers,
    HealthHandler,
    MetricsHandler,
    MonitoringHandlers,
    SyncAdminHandlers,
    ScoreHandlers {}

/** Builds the handlers over a lazily opened database (`getDb` is called per request). */
export function createApiHandlers(
  getDb: () => Promise<Database>,
  options: ApiHandlerOptions = {},
): ApiHandlers {
  const deps: HandlerDeps = { getDb, log: options.logger ?? defaultLogger };
  const monitoring = () => options.monitoring ?? appMonitoring(getDb, deps.log);
  return {
    ...createSyncHandlers(deps),
    ...createStreamHandler(deps, options),
    ...createMatchHandlers(deps),
    ...createTournamentHandlers(deps),
    ...createHealthHandler(deps, monitoring),
    ...createMetricsHandler(deps),
    ...createMonitoringHandlers(deps, monitoring),
    ...createSyncAdminHandlers(deps, monitoring),
    ...createScoreHandlers(deps),
  };
}
