/** Flags that work headless as root without internet (notes/browser-testing.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Shrinks Chromium's Background Sync retry delay from 5 minutes to attempts at +0, +1, +3,
 * +7 s (the last with lastChance) so retry paths are testable.
 */
export const FAST_BACKGROUND_SYNC_ARGS = [
  '--force-fieldtrials=BackgroundSync/Fast',
  '--force-fieldtrial-params=BackgroundSync.Fast:initial_retry_delay_sec/1/retry_delay_factor/2/max_sync_attempts/4',
];
