// What the bench uses of the workspace packages in Node: bundled by bundle-assets.mjs.
export { API, MAX_OPS_PER_PUSH, SYNC_TAG, opSchema, pushResponseSchema } from '@courtsync/protocol';
export { MatchReplayer, replay } from '@courtsync/scoring';
export { CHROMIUM_ARGS } from '../../e2e/support/chromium.ts';
