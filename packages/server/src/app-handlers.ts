import { getDatabase } from './db/singleton';
import { createApiHandlers } from './http/api-handlers';
import type { ApiHandlers } from './http/api-handlers';
import { authSettingsFromEnv } from './services/auth/auth-settings';
import { DatabaseRateLimiter } from './services/rate-limit/database-limiter';
import { MemoryRateLimiter } from './services/rate-limit/memory-limiter';
import { rateSettingsFromEnv } from './services/rate-limit/rate-settings';
import type { RateLimiter } from './services/rate-limit/token-bucket';

const getDb = async () => (await getDatabase()).db;
const rateSettings = rateSettingsFromEnv();
const LIMITER_KEY = Symbol.for('courtsync.server.rate-limiter');

/** One limiter per process, even when Next loads this module more than once (like the database). */
function processLimiter(): RateLimiter | undefined {
  if (rateSettings.store === 'off') return undefined;
  const holder = globalThis as typeof globalThis & { [LIMITER_KEY]?: RateLimiter };
  holder[LIMITER_KEY] ??=
    rateSettings.store === 'database' ? new DatabaseRateLimiter(getDb) : new MemoryRateLimiter();
  return holder[LIMITER_KEY];
}

/**
 * The handlers the Next routes call, over the app's singleton database, with sign-in and rate
 * limits from the environment (AUTH_MODE, RATE_LIMIT_*; secure defaults). Creating them opens
 * nothing (the database opens on the first request or at boot), so `next build` can import this.
 */
export const apiHandlers: ApiHandlers = createApiHandlers(getDb, {
  auth: authSettingsFromEnv(),
  rateLimits: rateSettings,
  limiter: processLimiter(),
});
