// The part of the client the service worker needs: no DOM APIs in here.
export { openCourtSyncDb, CourtSyncDb } from './courtsync-db';
export { flush, countPending, type FlushOptions, type FlushResult } from './flush';
export { webFlushLock, inProcessFlushLock, defaultFlushLock, type FlushLock } from './flush-lock';
export { publishSyncMessage, type SyncMessage } from './sync-channel';
