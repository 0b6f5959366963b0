import type { ApiError, ApiErrorCode } from '@courtsync/protocol';

/** An error that maps to an HTTP response with the protocol's error body. */
export class HttpError extends Error {
  /** HTTP status to answer with. */
  readonly status: number;
  /** Stable code for machines. */
  readonly code: ApiErrorCode;
  /** Optional structured details (e.g. validation issues). */
  readonly details: unknown;

  /** Builds an error; `message` is shown to people. */
  constructor(status: number, code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** API answers are per request and per user: never stored by the browser, a proxy or the SW. */
const NO_STORE = { 'cache-control': 'no-store' } as const;

/** A JSON response with `Cache-Control: no-store`. */
export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json; charset=utf-8');
  h.set('cache-control', NO_STORE['cache-control']);
  return new Response(JSON.stringify(body), { status, headers: h });
}

/** A body-less response (204, HEAD) with `Cache-Control: no-store`. */
export function emptyResponse(status: number): Response {
  return new Response(null, { status, headers: NO_STORE });
}

/** The protocol's error body `{ error: { code, message, details? } }` with its status. */
export function errorResponse(
  status: number,
  code: ApiErrorCode,
  message: string,
  details?: unknown,
): Response {
  const body: ApiError = { error: { code, message } };
  if (details !== undefined) body.error.details = details;
  return jsonResponse(status, body);
}
