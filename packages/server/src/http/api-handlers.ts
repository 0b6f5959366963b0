import type { Database } from '../db/types';
import { createBackgroundHandlers } from './background-handlers';
import type { BackgroundHandlers } from './background-handlers';
import { logger as defaultLogger } from '../logger';
import type { Logger } from '../logger';
import { appMonitoring } from '../monitoring/runtime';
import type { MonitoringRuntime } from '../monitoring/runtime';
import { DEFAULT_AUTH, type AuthSettings } from '../services/auth/auth-settings';
import { DatabaseRateLimiter } from '../services/rate-limit/database-limiter';
import { MemoryRateLimiter } from '../services/rate-limit/memory-limiter';
import { DEFAULT_RATE_LIMITS, type RateSettings } from '../services/rate-limit/rate-settings';
import type { RateLimiter } from '../services/rate-limit/token-bucket';
import { createAdminHandlers, type AdminHandlers } from './admin-handlers';
import { createAuthHandlers, type AuthHandlers } from './auth-handlers';
import { createClaimHandlers, type ClaimHandlers } from './claim-handlers';
import { createCoverageHandlers, type CoverageHandlers } from './coverage-handlers';
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
  /** Sign-in settings; default: sign-in required, 15 min access, 30 day refresh tokens. */
  auth?: Partial<AuthSettings>;
  /** Rate limits; default: in memory with DEFAULT_RATE_LIMITS (classes given here override). */
  rateLimits?: { store?: RateSettings['store']; limits?: Partial<RateSettings['limits']> };
  /** A limiter of the caller's (tests share one, or move its clock); overrides `store`. */
  limiter?: RateLimiter;
}

/**
 * The API's route handlers as plain `Request → Response` functions (no Next.js types), each
 * admitted through its ROUTE_POLICIES entry where it has one (who may call it, its rate
 * limit): push, pull, stream, matches, tournaments, health, metrics, the sync monitoring and
 * admin routes, the score APIs, sign-in, claims, coverage plans and the review list.
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
    ScoreHandlers,
    AuthHandlers,
    ClaimHandlers,
    CoverageHandlers,
    AdminHandlers,
    BackgroundHandlers {}

function limiterFor(
  options: ApiHandlerOptions,
  store: RateSettings['store'],
  getDb: () => Promise<Database>,
): RateLimiter | undefined {
  if (options.limiter) return options.limiter;
  if (store === 'off') return undefined;
  return store === 'database' ? new DatabaseRateLimiter(getDb) : new MemoryRateLimiter();
}

/** Builds the handlers over a lazily opened database (`getDb` is called per request). */
export function createApiHandlers(
  getDb: () => Promise<Database>,
  options: ApiHandlerOptions = {},
): ApiHandlers {
  const store = options.rateLimits?.store ?? 'memory';
  const deps: HandlerDeps = {
    getDb,
    log: options.logger ?? defaultLogger,
    auth: { ...DEFAULT_AUTH, ...options.auth },
    limiter: limiterFor(options, store, getDb),
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits?.limits },
  };
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
    ...createAuthHandlers(deps),
    ...createClaimHandlers(deps),
    ...createCoverageHandlers(deps),
    ...createAdminHandlers(deps),
    ...createBackgroundHandlers(deps),
  };
}
