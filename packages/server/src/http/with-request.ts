import { getRandomValues } from 'node:crypto';
import { ulid } from 'ulid';
import type { Logger } from '../logger';
import { trackRequest } from './in-flight';
import { errorResponse, HttpError } from './responses';

/** Per-request context given to a handler body. */
export interface RequestContext {
  /** From a well-formed `x-request-id` header, else a new ULID; echoed in the response. */
  requestId: string;
  /** Logger that stamps every entry with the request id. */
  log: Logger;
  /** Fields added to the request's access-log line (e.g. op counts). */
  fields: Record<string, unknown>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Random bytes drawn ahead: ulid's own source asks the system for 1 byte per character. */
const pool = new Uint8Array(512);
let next = pool.length;

/** A uniform number in [0, 1) from the pool (what ulid expects of its PRNG). */
function pooledRandom(): number {
  if (next >= pool.length) {
    getRandomValues(pool);
    next = 0;
  }
  return (pool[next++] ?? 0) / 256;
}

/** A caller's request id if it is safe to log and echo, else a fresh one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : ulid(undefined, pooledRandom);
}

/**
 * Runs one handler body: request id, in-flight tracking, one access-log line per request,
 * HttpError → its error response, anything else → 500 INTERNAL with a generic message (the
 * cause is logged, never sent: it may contain SQL or internals).
 */
export async function withRequest(
  request: Request,
  route: string,
  baseLogger: Logger,
  body: (ctx: RequestContext) => Promise<Response>,
): Promise<Response> {
  const started = performance.now();
  const done = trackRequest();
  const requestId = requestIdOf(request);
  const log = baseLogger.child({ requestId });
  const ctx: RequestContext = { requestId, log, fields: {} };
  let response: Response;
  try {
    response = await body(ctx);
  } catch (error) {
    if (error instanceof HttpError) {
      response = errorResponse(error.status, error.code, error.message, error.details);
      ctx.fields.error = error.message;
    } else {
      log.error('unhandled error', { route, error });
      response = errorResponse(500, 'INTERNAL', 'Internal server error');
    }
  } finally {
    done();
  }
  response.headers.set('x-request-id', requestId);
  // 4xx are the caller's problem, not the server's: info, so alerts key on 5xx only.
  const level = response.status >= 500 ? 'error' : 'info';
  log[level]('request', {
    route,
    method: request.method,
    path: new URL(request.url).pathname,
    status: response.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
    ...ctx.fields,
  });
  return response;
}
