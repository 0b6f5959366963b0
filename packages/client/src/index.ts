export * from './worker';
export type { OutboxEntry, AckedOp, ConfirmedEvent, LocalMatch, OpFailure } from './courtsync-db';
export { record, type OpInput, type RecordOptions, type RecordResult } from './record';
export { TapSession, type RecordFn, type TapView } from './tap-session';
export { LAST_SYNC_KEY, markSynced, observeLastSync } from './last-sync';
export { ClientError, type ClientErrorCode } from './client-error';
export { loadMatch } from './match-loader';
export { rebaseMatch } from './match-log';
export {
  readQueueStats,
  observeQueueStats,
  observeQueue,
  observeMatch,
  observeTournamentMatches,
  type QueueStats,
  type QueuedOp,
} from './queue-stats';
export { retryFailedOp, discardFailedOp, observeFailedOps, observeHeldCount } from './failed-ops';
export { observeSyncBlock, readSyncBlock, type SyncBlock } from './sync-block';
export {
  signOut,
  renewSession,
  syncSessionUser,
  readSessionUser,
  observeSessionUser,
} from './auth-session';
export { signIn, type SignInResult } from './sign-in';
export { readRetryNotBefore } from './retry-after';
export { parseRetryAfter, pushBatch, type PushOutcome } from './push-transport';
export { backoffDelay, PAGE_BACKOFF, type BackoffPolicy } from './backoff';
export {
  SyncLoop,
  type SyncLoopDelegate,
  type SyncLoopOptions,
  type SyncLoopState,
} from './sync-loop';
export { startPageSync, type PageSync, type PageSyncOptions } from './page-sync';
export {
  requestSync,
  registerBackgroundSync,
  flushFromPage,
  installFallbackFlush,
  hasBackgroundSync,
  type SyncRoute,
} from './sync-trigger';
export { connectLiveFeed, FEED_CHANNEL, type LiveFeedEnv, type LiveFeedOptions } from './live-feed';
export { createMatchPuller, type MatchPuller } from './match-puller';
export { refreshTournaments, observeSavedTournaments, type SavedTournaments } from './tournaments';
export {
  refreshCoveragePlan,
  saveCoveragePlan,
  readPlannedMatchIds,
  observePlannedMatchIds,
  plannedFirst,
} from './coverage-plans';
export { fetchClaim, claimMatch, type ClaimLookup } from './claims-api';
export {
  LEVEL_BASE,
  LEVELS,
  DEFAULT_RULES,
  scoreOp,
  conditionHolds,
  type PriorityLevel,
  type PriorityRule,
  type RuleCondition,
  type ScoringContext,
} from './priority-rules';
export { ruleProblems } from './rule-problems';
export { isLive } from './priority-scoring';
export { rescoreOutbox, setPriority, stepLevel } from './outbox-rescore';
export {
  readRules,
  observeRules,
  saveRule,
  setRuleEnabled,
  deleteRule,
  resetRules,
} from './priority-store';
export { setPlannedMatchIds } from './coverage-plan';
export {
  readSettings,
  writeSettings,
  observeSettings,
  readBackgroundState,
  observeBackgroundState,
} from './sync-settings';
export { batteryHold } from './sync-gate';
export { ConnectivityDetector, type ProbeOptions } from './connectivity-detector';
export {
  deriveQuality,
  type ConnectionQuality,
  type ConnectivitySnapshot,
  type SyncVerdict,
} from './connectivity-quality';
export {
  browserConnectivityEnv,
  type ConnectivityEnv,
  type BatteryLike,
  type NetworkInformationLike,
} from './connectivity-env';
export {
  BackgroundSyncManager,
  type BackgroundSyncDeps,
  type BackgroundSyncState,
} from './background-sync-manager';
export { backgroundApi, type BackgroundApi } from './background-api';
export { queueFlushReport, sendFlushReports, countQueuedReports } from './flush-reports';
export {
  readQueueView,
  observeQueueView,
  observeLocalMatches,
  priorityFigures,
  type QueueItem,
  type QueueView,
  type PriorityFigures,
} from './queue-view';
