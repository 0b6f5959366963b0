// The bench's own origin: serves the baseline page and worker, reverse-proxies everything else
// to the app server, and watches POST /api/v1/sync/push on the wire. Both sides of every
// comparison go through it, so both pay the same extra hop.
import http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const PUSH_PATH = '/api/v1/sync/push';
const API_PREFIX = '/api/v1/';
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);
const DECODERS = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

/** Bytes of an HTTP/1.1 head as sent: start line, `Name: value` lines, blank line. */
function headBytes(startLine, rawHeaders) {
  let n = Buffer.byteLength(`${startLine}\r\n`) + 2;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    n += Buffer.byteLength(`${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`);
  }
  return n;
}

/**
 * Starts the proxy on `port` in front of `target`. `files` maps paths to {type, body} served
 * directly. Returns { origin, pushes, committedAt, waitForCommitted, resetWire, close }.
 */
export async function startBenchProxy({ port, target, files = {} }) {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  /** Every push exchange seen: sizes on the wire and how many ops it settled. */
  const pushes = [];
  /** opId -> performance.now() when the server's answer applying it passed the proxy. */
  const committedAt = new Map();
  /** opId -> reject code: a bench op the server refused is a bench bug, reported at once. */
  const rejectedOps = new Map();
  let waiters = [];
  /** While set ({since, answered: {path: count}}), every /api/v1/* request is answered 503. */
  let outage;

  const server = http.createServer((req, res) => {
    const file = files[req.url.split('?')[0]];
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
      res.end(file.body);
      return;
    }
    if (outage && req.url.startsWith(API_PREFIX)) {
      const pathname = req.url.split('?')[0];
      outage.answered[pathname] = (outage.answered[pathname] ?? 0) + 1;
      // The request body is read and dropped, as a failing server would (keep-alive stays usable).
      req.resume();
      res.writeHead(503, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end('bench proxy: server unavailable (outage)');
      return;
    }
    const isPush = req.method === 'POST' && req.url === PUSH_PATH;
    const exchange = isPush
      ? {
          startedAt: performance.now(),
          requestHeadBytes: headBytes(
            `${req.method} ${req.url} HTTP/${req.httpVersion}`,
            req.rawHeaders,
          ),
          requestBodyBytes: 0,
          responseHeadBytes: 0,
          responseBodyBytes: 0,
          contentEncoding: req.headers['content-encoding'] ?? 'identity',
        }
      : undefined;
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        const headers = [];
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          if (!HOP_BY_HOP.has(answer.rawHeaders[i].toLowerCase())) {
            headers.push(answer.rawHeaders[i], answer.rawHeaders[i + 1]);
          }
        }
        res.writeHead(answer.statusCode, answer.statusMessage, headers);
        if (!exchange) {
          answer.pipe(res);
          return;
        }
        exchange.status = answer.statusCode;
        exchange.responseHeadBytes = headBytes(
          `HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`,
          answer.rawHeaders,
        );
        const chunks = [];
        answer.on('data', (chunk) => {
          exchange.responseBodyBytes += chunk.length;
          chunks.push(chunk);
          res.write(chunk);
        });
        answer.on('end', () => {
          res.end();
          exchange.finishedAt = performance.now();
          pushes.push(exchange);
          void settle(exchange, answer.headers['content-encoding'], Buffer.concat(chunks));
        });
      },
    );
    forward.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`bench proxy: ${error.message}`);
    });
    if (exchange) req.on('data', (chunk) => (exchange.requestBodyBytes += chunk.length));
    req.pipe(forward);
  });

  /** Reads a push answer and marks the ops it applied (or found already applied) as committed. */
  async function settle(exchange, encoding, body) {
    try {
      const decode = encoding ? DECODERS[encoding] : undefined;
      const text = (decode ? await decode(body) : body).toString('utf8');
      const results = exchange.status === 200 ? JSON.parse(text).results : [];
      exchange.ops = results.length;
      for (const r of results) {
        if (r.status === 'rejected') rejectedOps.set(r.opId, `${r.code}: ${r.message}`);
        else if (!committedAt.has(r.opId)) committedAt.set(r.opId, exchange.finishedAt);
      }
      exchange.rejected = results.filter((r) => r.status === 'rejected').length;
    } catch (error) {
      exchange.parseError = String(error);
    }
    waiters = waiters.filter((w) => !w.check());
  }

  /** Resolves with the time the last of `opIds` was committed; rejects after `timeoutMs`. */
  function waitForCommitted(opIds, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
      const waiter = {
        check() {
          const refused = opIds.find((id) => rejectedOps.has(id));
          if (refused) {
            clearTimeout(timer);
            reject(
              new Error(`the server rejected bench op ${refused}: ${rejectedOps.get(refused)}`),
            );
            return true;
          }
          let last = 0;
          for (const id of opIds) {
            const at = committedAt.get(id);
            if (at === undefined) return false;
            last = Math.max(last, at);
          }
          clearTimeout(timer);
          resolve(last);
          return true;
        },
      };
      const timer = setTimeout(() => {
        waiters = waiters.filter((w) => w !== waiter);
        const missing = opIds.filter((id) => !committedAt.has(id)).length;
        reject(new Error(`${missing} of ${opIds.length} ops not committed within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!waiter.check()) waiters.push(waiter);
    });
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    pushes,
    committedAt,
    waitForCommitted,
    /**
     * Starts an outage: from now on every /api/v1/* request is answered 503 by the proxy
     * (nothing reaches the server) until `endOutage()`, which returns the outage's record
     * ({startedAt, endedAt, answered: {path: count of 503s}}); endedAt is "server back".
     */
    startOutage() {
      outage = { startedAt: performance.now(), answered: {} };
    },
    endOutage() {
      const ended = { ...outage, endedAt: performance.now() };
      outage = undefined;
      return ended;
    },
    /** Forgets the pushes seen so far (the commit times are kept). */
    resetWire: () => pushes.splice(0, pushes.length),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
