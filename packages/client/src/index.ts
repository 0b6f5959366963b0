export * from './worker';
export type { OutboxEntry, LocalEvent, LocalMatch, OpFailure } from './courtsync-db';
export { record, type OpInput, type RecordResult } from './record';
export { ClientError, type ClientErrorCode } from './client-error';
export { loadMatch } from './match-loader';
export {
  readQueueStats,
  observeQueueStats,
  observeMatch,
  observeFailedOps,
  type QueueStats,
} from './queue-stats';
export { subscribeSyncMessages, SYNC_CHANNEL } from './sync-channel';
export { parseRetryAfter, pushBatch, type PushOutcome } from './push-transport';
export {
  requestSync,
  flushFromPage,
  installFallbackFlush,
  hasBackgroundSync,
  type SyncRoute,
} from './sync-trigger';
export { refreshTournaments, observeSavedTournaments, type SavedTournaments } from './tournaments';
