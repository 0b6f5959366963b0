import { SYNC_ERROR_TYPES } from '@courtsync/protocol';

/** The classes every sync failure is recorded under (F29, F33), as protocol declares them. */
export const ERROR_CATEGORIES = SYNC_ERROR_TYPES;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

/** A classified sync failure: its category, whether a retry may help, and what was seen. */
export class SyncError extends Error {
  override readonly name = 'SyncError';
  readonly category: ErrorCategory;
  readonly retryable: boolean;
  /** HTTP status of the provider's answer, when there was one. */
  readonly status?: number;
  /** The provider's Retry-After, in ms. */
  readonly retryAfterMs?: number;
  /** Attempts made before giving up (set by the retry loop). */
  attempts = 1;

  constructor(
    category: ErrorCategory,
    message: string,
    options: { retryable?: boolean; status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.category = category;
    this.retryable = options.retryable ?? false;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** A SQLSTATE-looking code or a drizzle query wrapper: the database refused or failed. */
function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'DrizzleQueryError') return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in error;
}

/** Any thrown value as a SyncError (already classified ones pass through). */
export function classifyError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  if (isDatabaseError(error)) {
    return new SyncError('DATABASE', (error as Error).message, { cause: error });
  }
  if (error instanceof Error && error.name === 'ZodError') {
    return new SyncError('VALIDATION', error.message, { cause: error });
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new SyncError('TIMEOUT', error.message, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SyncError('API', message, { cause: error });
}

/** Which of two categories to report for a run with several failures (the most actionable). */
export function worstCategory(categories: ErrorCategory[]): ErrorCategory | undefined {
  const order: ErrorCategory[] = ['AUTH', 'DATABASE', 'VALIDATION', 'TIMEOUT', 'NETWORK', 'API'];
  return order.find((c) => categories.includes(c));
}

/** A message fit to store: no control characters (PostgreSQL refuses NUL), at most `max` chars. */
export function storableMessage(message: string, max = 1000): string {
  return message.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd').slice(0, max);
}
