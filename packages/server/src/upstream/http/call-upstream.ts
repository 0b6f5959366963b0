import { SyncError } from '../errors';
import { backoffDelay, sleep } from './backoff';
import type { RetryPolicy } from './backoff';
import { observeUpstreamCall } from '../../monitoring/metrics';
import type { CallMeter } from './call-meter';

/** One HTTP request to a provider. */
export interface UpstreamRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** ETag of the copy we hold: sent as If-None-Match, a 304 means "unchanged". */
  etag?: string;
}

/** A provider's answer: 200 with a body, or 304 (nothing changed). */
export interface UpstreamResponse {
  status: number;
  notModified: boolean;
  body: string;
  etag?: string;
}

/** Everything a call needs besides the request: policy, meter, the run's abort signal. */
export interface CallOptions {
  policy: RetryPolicy;
  meter: CallMeter;
  /** Aborted when the server shuts down: the call stops at once, without retrying. */
  signal: AbortSignal;
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** An HTTP status as a classified error: 401/403 AUTH, 408/429/5xx retryable API, others API. */
function statusError(response: Response, body: string): SyncError {
  const status = response.status;
  const detail = body.slice(0, 200).replace(/\s+/g, ' ');
  const message = `HTTP ${status} from ${new URL(response.url).pathname}: ${detail}`;
  if (status === 401 || status === 403) return new SyncError('AUTH', message, { status });
  const retryable = status === 408 || status === 429 || status >= 500;
  return new SyncError('API', message, {
    status,
    retryable,
    retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
  });
}

/** One attempt: the timeout covers the whole exchange, body included. */
async function attempt(request: UpstreamRequest, options: CallOptions): Promise<UpstreamResponse> {
  const timeout = AbortSignal.timeout(options.policy.timeoutMs);
  const signal = AbortSignal.any([timeout, options.signal]);
  const headers = {
    ...request.headers,
    ...(request.etag ? { 'if-none-match': request.etag } : {}),
  };
  const started = performance.now();
  let notModified = false;
  let status: number | null = null;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.body,
      signal,
    });
    status = response.status;
    const body = await response.text();
    notModified = response.status === 304;
    if (!response.ok && !notModified) throw statusError(response, body);
    return {
      status: response.status,
      notModified,
      body,
      etag: response.headers.get('etag') ?? undefined,
    };
  } catch (error) {
    if (error instanceof SyncError) throw error;
    if (options.signal.aborted) {
      throw new SyncError('NETWORK', 'call aborted: the sync is stopping', { cause: error });
    }
    if (timeout.aborted) {
      const message = `no answer from ${new URL(request.url).pathname} within ${options.policy.timeoutMs} ms`;
      throw new SyncError('TIMEOUT', message, { retryable: true, cause: error });
    }
    const reason =
      error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.message)
        : String(error);
    throw new SyncError('NETWORK', `${request.method} ${request.url} failed: ${reason}`, {
      retryable: true,
      cause: error,
    });
  } finally {
    const ms = performance.now() - started;
    options.meter.recordCall(ms, notModified);
    observeUpstreamCall(request.url, status, ms, notModified);
  }
}

/**
 * Calls a provider with the retry policy: timeouts, network errors, 408, 429 and 5xx are
 * retried with exponential backoff (honouring Retry-After up to `maxDelayMs`); anything else,
 * or the last failure, is thrown as a classified SyncError carrying the attempts made.
 */
export async function callUpstream(
  request: UpstreamRequest,
  options: CallOptions,
): Promise<UpstreamResponse> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt(request, options);
    } catch (error) {
      const failure = error as SyncError;
      failure.attempts = n;
      const wait = Math.max(backoffDelay(options.policy, n), failure.retryAfterMs ?? 0);
      const giveUp =
        !failure.retryable ||
        n >= options.policy.attempts ||
        options.signal.aborted ||
        wait > options.policy.maxDelayMs;
      if (giveUp) throw failure;
      options.meter.recordRetry(wait);
      await sleep(wait, options.signal).catch(() => {
        throw failure;
      });
    }
  }
}
