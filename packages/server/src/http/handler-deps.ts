import { entityIdSchema } from '@courtsync/protocol';
import type { z } from 'zod/mini';
import type { Database } from '../db/types';
import type { Logger } from '../logger';
import type { AuthSettings } from '../services/auth/auth-settings';
import type { RateClass } from '../services/rate-limit/rate-settings';
import type { RateLimit, RateLimiter } from '../services/rate-limit/token-bucket';
import { toIssues } from '../services/push/validate-ops';
import { HttpError } from './responses';

/** What every route family's handlers are built from. */
export interface HandlerDeps {
  /** The database, opened lazily (called per request). */
  getDb: () => Promise<Database>;
  /** Where request and error logs go. */
  log: Logger;
  /** Sign-in settings (mode, token lifetimes, key). */
  auth: AuthSettings;
  /** Token buckets (F22); undefined when rate limits are off. */
  limiter?: RateLimiter;
  /** Bucket size per rate class. */
  rateLimits: Record<RateClass, RateLimit>;
}

/** A path id (match, tournament) checked against the protocol; 400 VALIDATION_FAILED if bad. */
export function parseEntityId(id: string, what = 'match'): string {
  const parsed = entityIdSchema.safeParse(id);
  if (!parsed.success) {
    throw new HttpError(
      400,
      'VALIDATION_FAILED',
      `Invalid ${what} id`,
      toIssues(parsed.error, ['id']),
    );
  }
  return parsed.data;
}

/**
 * The query string of `request` parsed with `schema` (a repeated parameter counts once, the
 * last wins); 400 VALIDATION_FAILED listing the issues (paths start with `query`).
 */
export function parseQuery<T extends z.ZodMiniType>(request: Request, schema: T): z.infer<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    throw new HttpError(
      400,
      'VALIDATION_FAILED',
      'Invalid query',
      toIssues(parsed.error, ['query']),
    );
  }
  return parsed.data;
}
