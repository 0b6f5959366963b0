/** Test helpers of @courtsync/server: fixtures, databases on both engines, pull and SSE reading. */
export * from './fixtures';
export * from './test-databases';
export * from './sse';
export * from './webhook-receiver';
export * from './monitoring';
export * from './sim-sync';
export * from './upstream';
export * from './auth';
