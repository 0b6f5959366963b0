/**
 * The smallest entry of @courtsync/server: starts opening the app's database. Next's boot hook
 * (instrumentation.ts) imports it before the rest of the server, so PGlite's wasm compiles and
 * its data directory opens while the services, handlers and route bundles are still loading —
 * ≈ 0.3 s sooner than after `import('@courtsync/server')` on 2 cores (bench figure 10).
 */
import { getDatabase } from './db/singleton';

/** Starts opening the database (once per process); a failure is logged and retried on use. */
export function startOpeningDatabase(): void {
  getDatabase().catch(() => undefined);
}
