/** @courtsync/server — database, services and HTTP handlers; the Next app only wires routes. */
export * as schema from './db/schema';
export type {
  Database,
  DatabaseDriver,
  DatabaseHandle,
  OpenDatabaseOptions,
  PgliteFactory,
  PgliteOptions,
  Transaction,
} from './db/types';
export { openDatabase, databaseDriver } from './db/open-database';
export { resolveMigrationsDir } from './db/migrate';
export { seedDemoData, DEMO_TOURNAMENT_ID } from './db/seed';
export { getDatabase, closeDatabase, databaseOptionsFromEnv } from './db/singleton';
export { applyPush } from './services/push/apply-push';
export { PushValidationError } from './services/push/validate-ops';
export type { ValidationIssue } from './services/push/validate-ops';
export { getMatchView, getMatchEvents } from './services/match-views';
export { listTournaments } from './services/tournaments';
export { readFeed, readFeedHead, missingFeedTarget, toFeedEvent } from './services/feed/read-feed';
export type { FeedFilter, ReadFeedOptions } from './services/feed/read-feed';
export { LiveHub } from './services/feed/live-hub';
export type { FeedSubscription, SubscribeOptions } from './services/feed/live-hub';
export { liveHubFor, closeLiveHub } from './services/feed/hub-registry';
export { createApiHandlers } from './http/api-handlers';
export type { BackgroundHandlers } from './http/background-handlers';
export { readDeviceStatus, saveDeviceSettings } from './services/background/device-sync';
export type { DeviceCaller } from './services/background/device-sync';
export { readFlushMetrics, storeFlushReports } from './services/background/flush-metrics';
export type { ApiHandlers, ApiHandlerOptions } from './http/api-handlers';
export { apiHandlers } from './app-handlers';
export { createLogger, logger } from './logger';
export type { Logger, LogLevel, LogFields, LoggerOptions } from './logger';
export { startServer, shutdownServer } from './lifecycle';
export * from './upstream';
export * from './monitoring';
