// The part of the client the service worker needs: no DOM APIs in here.
export { openCourtSyncDb, CourtSyncDb } from './courtsync-db';
export { flush, countPending, type FlushOptions, type FlushResult } from './flush';
export { webFlushLock, inProcessFlushLock, defaultFlushLock, type FlushLock } from './flush-lock';
export { pullMatch, type PullOptions, type PullResult } from './pull';
export {
  publishSyncMessage,
  subscribeSyncMessages,
  SYNC_CHANNEL,
  SYNC_CONTEXT_ID,
  type SyncMessage,
  type FlushStatus,
  type MovedUndo,
} from './sync-channel';
export { sendFlushReports } from './flush-reports';
