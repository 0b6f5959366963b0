import type { Database } from '../db/types';
import { createBackgroundHandlers } from './background-handlers';
import type { BackgroundHandlers } from './background-handlers';
import { logger as defaultLogger } from '../logger';
import type { Logger } from '../logger';
import type { HandlerDeps } from './handler-deps';
import { createHealthHandler } from './health-handler';
import type { HealthHandler } from './health-handler';
import { createMatchHandlers } from './match-handlers';
import type { MatchHandlers } from './match-handlers';
import { createStreamHandler } from './stream-handler';
import type { StreamHandler, StreamOptions } from './stream-handler';
import { createSyncHandlers } from './sync-handlers';
import type { SyncHandlers } from './sync-handlers';
import { createTournamentHandlers } from './tournament-handlers';
import type { TournamentHandlers } from './tournament-handlers';

/** Options of `createApiHandlers`. */
export interface ApiHandlerOptions extends StreamOptions {
  /** Where request and error logs go; default the process logger. */
  logger?: Logger;
}

/**
 * The API's route handlers as plain `Request → Response` functions (no Next.js types):
 * push, pull, stream, connectivityTest, getMatch, getMatchEvents, listTournaments, health.
 */
export interface ApiHandlers
  extends
    SyncHandlers,
    StreamHandler,
    MatchHandlers,
    TournamentHandlers,
    HealthHandler,
    BackgroundHandlers {}

/** Builds the handlers over a lazily opened database (`getDb` is called per request). */
export function createApiHandlers(
  getDb: () => Promise<Database>,
  options: ApiHandlerOptions = {},
): ApiHandlers {
  const deps: HandlerDeps = { getDb, log: options.logger ?? defaultLogger };
  return {
    ...createSyncHandlers(deps),
    ...createStreamHandler(deps, options),
    ...createMatchHandlers(deps),
    ...createTournamentHandlers(deps),
    ...createHealthHandler(deps),
    ...createBackgroundHandlers(deps),
  };
}
