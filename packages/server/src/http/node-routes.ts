import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { apiHandlers } from '../app-handlers';
import { MAX_PUSH_BYTES } from '@courtsync/protocol';
import type { ApiHandlers } from './api-handlers';
import { attachBody } from './read-body';

/** A route served by Node's HTTP server itself, ahead of Next's router. */
export type NodeRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Routes by `METHOD /path` (no query string), shared through globalThis (Next loads us twice). */
export type NodeRoutes = ReadonlyMap<string, NodeRoute>;

const KEY = Symbol.for('courtsync.server.nodeRoutes');

/**
 * Reads a Node request's body, at most `maxBytes + 1` bytes: enough for the handler to refuse
 * a larger one with its own 413 (the rest of such an upload is not read; the connection is
 * closed after the answer). Rejects when the upload breaks off.
 */
export function readNodeBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total > maxBytes) {
        req.off('data', onData);
        req.pause();
        resolve(Buffer.concat(chunks, total));
      }
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, total)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('request body cut off'));
    });
  });
}

/**
 * The web Request of a Node request, as Next's route handlers receive it: the same headers
 * (with `x-forwarded-for` from the socket when no proxy set it, as Next does) and the body
 * (read here, up to `maxBytes + 1`) for read-body.ts, which checks it as it checks a stream.
 */
export async function toWebRequest(
  req: IncomingMessage,
  origin: string,
  maxBytes: number,
): Promise<Request> {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] ?? '', raw[i + 1] ?? '');
  if (!headers.has('x-forwarded-for') && req.socket.remoteAddress) {
    headers.set('x-forwarded-for', req.socket.remoteAddress);
  }
  const request = new Request(new URL(req.url ?? '/', origin), { method: req.method, headers });
  if (req.method === 'GET' || req.method === 'HEAD') return request;
  // A declared size above the limit is refused from the header alone: no need to read it.
  const declared = Number(req.headers['content-length'] ?? 0);
  const body = declared > maxBytes ? Buffer.alloc(0) : await readNodeBody(req, maxBytes);
  return attachBody(request, body);
}

/** Smaller bodies go out as they are: gzip would save a few bytes at most. */
const GZIP_MIN_BYTES = 1024;

/**
 * Level 1: on a push answer (100 results, ~9 KB, mostly random op ids) it is as small as level
 * 6 (±0.5 %) at a fifth of the CPU; gzipping one costs ~40 µs here, where Next's streaming
 * `compress` spent about 1 ms per answer (issue #14).
 */
const GZIP_OPTIONS = { level: 1 } as const;

/** True when an Accept-Encoding header allows gzip (`gzip` or `*`, q above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim());
    if (coding !== 'gzip' && coding !== '*') continue;
    const q = params.find((p) => p.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/**
 * Writes a web Response (status, headers, whole body) to a Node response. Bodies of 1 KiB or
 * more are gzipped when the request accepts it, the job Next's `compress` does on its routes.
 */
export async function sendWebResponse(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response,
): Promise<void> {
  let body = Buffer.from(await response.arrayBuffer());
  if (
    body.length >= GZIP_MIN_BYTES &&
    !response.headers.has('content-encoding') &&
    acceptsGzip(req.headers['accept-encoding'])
  ) {
    body = gzipSync(body, GZIP_OPTIONS);
    res.setHeader('content-encoding', 'gzip');
  }
  res.setHeader('vary', 'Accept-Encoding');
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.setHeader('content-length', body.length);
  res.end(body);
}

/**
 * A Node route that runs a `Request → Response` handler whose body, if it reads one, goes
 * through read-body.ts with at most `maxBytes`. A body larger than that is not read to its end:
 * the connection then closes after the answer.
 */
export function nodeRoute(
  handler: (request: Request) => Promise<Response>,
  maxBytes: number,
): NodeRoute {
  return async (req, res) => {
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    const request = await toWebRequest(req, origin, maxBytes);
    if (!req.complete) res.shouldKeepAlive = false;
    await sendWebResponse(req, res, await handler(request));
  };
}

/**
 * The routes a Node server may answer before Next's router: POST /api/v1/sync/push, the one hot
 * route of the API, with the same handler its Next route calls (same validation, auth, limits,
 * error shape and access log), without the route-handler pipeline around it (issue #14).
 */
export function nodeRoutesFor(handlers: Pick<ApiHandlers, 'push'>): NodeRoutes {
  return new Map([['POST /api/v1/sync/push', nodeRoute(handlers.push, MAX_PUSH_BYTES)]]);
}

/**
 * Publishes the app's node routes (over `apiHandlers`, the database singleton) for
 * scripts/serve.mjs; called from instrumentation.ts, which runs before the first request.
 */
export function publishNodeRoutes(): void {
  (globalThis as typeof globalThis & { [KEY]?: NodeRoutes })[KEY] = nodeRoutesFor(apiHandlers);
}
