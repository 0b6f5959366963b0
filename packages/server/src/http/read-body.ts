import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';
import { HttpError } from './responses';

const gunzipAsync = promisify(gunzip);

/**
 * Bodies up to this size (compressed) are inflated on the spot: a push of 100 ops is ~10 KB,
 * and handing it to the thread pool cost more than inflating it (issue #14).
 */
const INFLATE_SYNC_BYTES = 64 * 1024;

/** 415 unless the request says it carries JSON (`application/json` or `…+json`). */
export function assertJsonContentType(request: Request): void {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/json' || mediaType?.endsWith('+json')) return;
  throw new HttpError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `Expected Content-Type application/json, got ${mediaType ? `"${mediaType}"` : 'none'}`,
  );
}

function tooLarge(maxBytes: number, what = 'Request body'): HttpError {
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', `${what} exceeds ${maxBytes} bytes`);
}

/** Reads the raw body, refusing (and cancelling the stream) as soon as it passes `maxBytes`. */
async function readRaw(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop the upload instead of buffering a body we will refuse anyway.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Inflates a gzip body; `maxOutputLength` stops a zip bomb at the limit instead of after it. */
async function inflate(raw: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    const options = { maxOutputLength: maxBytes };
    if (raw.byteLength <= INFLATE_SYNC_BYTES) return gunzipSync(raw, options);
    return await gunzipAsync(raw, options);
  } catch (error) {
    if (
      (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ||
      error instanceof RangeError
    ) {
      throw tooLarge(maxBytes, 'Inflated request body');
    }
    throw new HttpError(400, 'MALFORMED_JSON', 'Request body is not valid gzip data');
  }
}

/**
 * The request body as text, at most `maxBytes` both on the wire and after inflating a
 * `Content-Encoding: gzip` body (the client compresses pushes, F19). Throws HttpError
 * 413/415/400; never buffers more than `maxBytes` (plus one chunk) of a body.
 */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (!['identity', 'gzip', 'x-gzip', ''].includes(encoding)) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `Unsupported Content-Encoding "${encoding}"; use gzip`,
    );
  }
  const raw = await readRaw(request, maxBytes);
  const bytes = encoding === 'gzip' || encoding === 'x-gzip' ? await inflate(raw, maxBytes) : raw;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'MALFORMED_JSON', 'Request body is not valid UTF-8');
  }
}

/** Reads and parses a JSON body within `maxBytes` (see readLimitedText); 400 MALFORMED_JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  assertJsonContentType(request);
  const text = await readLimitedText(request, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new HttpError(400, 'MALFORMED_JSON', `Request body is not valid JSON: ${detail}`);
  }
}
