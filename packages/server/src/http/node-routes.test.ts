import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MAX_PUSH_BYTES, pushResponseSchema } from '@courtsync/protocol';
import {
  createTestMatch,
  describeEachDatabase,
  statuses,
  storedCounts,
  TestClient,
  testApi,
} from '@courtsync/server/test-support';
import { requestsInFlight } from './in-flight';
import { acceptsGzip, nodeRoute, nodeRoutesFor, type NodeRoutes } from './node-routes';
import { readLimitedText } from './read-body';

/** A Node HTTP server answering `routes` (404 otherwise), on a free port. */
async function serve(routes: NodeRoutes): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const route = routes.get(`${req.method} ${(req.url ?? '/').split('?')[0]}`);
    if (!route) {
      res.statusCode = 404;
      res.end();
      return;
    }
    route(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** POSTs `body` to the push route; gunzips a gzip answer. */
function post(port: number, body: Buffer, headers: http.OutgoingHttpHeaders): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: '/api/v1/sync/push', method: 'POST', headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('error', reject);
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const gzip = response.headers['content-encoding'] === 'gzip';
          const text = (gzip ? gunzipSync(raw) : raw).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A push body as the app's client sends it: JSON, gzipped (push-transport.ts). */
function gzipPush(ops: unknown[]): { body: Buffer; headers: http.OutgoingHttpHeaders } {
  const body = gzipSync(JSON.stringify({ ops }));
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': body.length,
      'accept-encoding': 'gzip, deflate',
    },
  };
}

/** Resolves once no request is being handled (the handler finished, answered or not). */
async function settled(): Promise<void> {
  for (let i = 0; i < 500 && requestsInFlight() > 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  // The handler's last steps (logging, writing) run after it leaves the in-flight count.
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Sends a raw HTTP request over its own socket and runs `cut` on it: the test decides when the
 * connection dies (mid-body, or as soon as the answer starts).
 */
function rawExchange(
  port: number,
  head: string,
  body: Buffer,
  cut: (socket: net.Socket) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(head);
      cut(socket);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
    void body;
  });
}

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['deflate', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('nodeRoute', () => {
  it('hands the handler the request as Next would: headers, body, x-forwarded-for', async () => {
    let seen: { url: string; headers: Record<string, string>; body: string } | undefined;
    const routes: NodeRoutes = new Map([
      [
        'POST /api/v1/sync/push',
        nodeRoute(async (request) => {
          seen = {
            url: request.url,
            headers: Object.fromEntries(request.headers),
            body: await readLimitedText(request, 1024),
          };
          return new Response('{}', { status: 201, headers: { 'x-test': 'yes' } });
        }, 1024),
      ],
    ]);
    const server = await serve(routes);
    try {
      const answer = await post(server.port, Buffer.from('{"ops":[]}'), {
        'content-type': 'application/json',
        authorization: 'Bearer abc',
      });
      expect(answer.status).toBe(201);
      expect(answer.headers['x-test']).toBe('yes');
      // Small answers are not worth gzip.
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(seen?.url).toBe(`http://127.0.0.1:${server.port}/api/v1/sync/push`);
      expect(seen?.headers.authorization).toBe('Bearer abc');
      expect(seen?.headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(seen?.body).toBe('{"ops":[]}');
      // A proxy's X-Forwarded-For is kept, as Next keeps it.
      await post(server.port, Buffer.from('{}'), { 'x-forwarded-for': '203.0.113.9' });
      expect(seen?.headers['x-forwarded-for']).toBe('203.0.113.9');
    } finally {
      await server.close();
    }
  });
});

describeEachDatabase('POST push served by Node (node-routes.ts)', (get) => {
  let server: { port: number; close: () => Promise<void> } | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('applies a gzipped push and answers gzip with the handler headers', async () => {
    const { db } = get();
    server = await serve(nodeRoutesFor(testApi(db).api));
    const matchId = await createTestMatch(db);
    const ops = new TestClient().rallies(matchId, 40, ['A', 'B']);
    const { body, headers } = gzipPush(ops);
    const answer = await post(server.port, body, headers);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['x-request-id']).toBeTruthy();
    const parsed = pushResponseSchema.parse(JSON.parse(answer.text));
    expect(statuses(parsed.results)).toEqual(Array(40).fill('applied'));
    // Without Accept-Encoding the same answer comes plain.
    const plain = await post(server.port, body, { ...headers, 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(statuses(pushResponseSchema.parse(JSON.parse(plain.text)).results)).toEqual(
      Array(40).fill('duplicate'),
    );
  });

  it('refuses bad input with the protocol error shape', async () => {
    const { db } = get();
    server = await serve(nodeRoutesFor(testApi(db).api));
    const json = { 'content-type': 'application/json' };
    const malformed = await post(server.port, Buffer.from('{"ops": ['), json);
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text)).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
    const notGzip = await post(server.port, Buffer.from('{}'), {
      ...json,
      'content-encoding': 'gzip',
    });
    expect(JSON.parse(notGzip.text)).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
    const invalid = await post(server.port, Buffer.from('{"ops":"x"}'), json);
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.text)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    // Too large by its Content-Length: refused before the body is read.
    const declared = await post(server.port, Buffer.alloc(10), {
      ...json,
      'content-length': String(MAX_PUSH_BYTES + 1),
    }).catch(() => undefined);
    // (The client may see the socket close while it still sends; then there is no answer.)
    const declaredCode: unknown = declared && JSON.parse(declared.text);
    expect([undefined, 'PAYLOAD_TOO_LARGE']).toContain(
      (declaredCode as { error?: { code?: string } } | undefined)?.error?.code,
    );
    // Too large while streamed (no Content-Length): refused once the limit is passed, and the
    // connection is not kept for another request.
    const streamed = await new Promise<Answer>((resolve, reject) => {
      let answered = false;
      const request = http.request(
        {
          host: '127.0.0.1',
          port: server?.port,
          path: '/api/v1/sync/push',
          method: 'POST',
          headers: json,
          agent: false,
        },
        (response) => {
          answered = true;
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      // Writing on after the answer may fail (the server closes): only an error before counts.
      request.on('error', (error) => {
        if (!answered) reject(error);
      });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent <= MAX_PUSH_BYTES + chunk.length) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        request.end();
      };
      pump();
    });
    expect(streamed.status).toBe(413);
    expect(streamed.headers.connection).toBe('close');
    expect(JSON.parse(streamed.text)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('stores every op exactly once when the answer is lost or the body is cut, and the device resends', async () => {
    const { db } = get();
    server = await serve(nodeRoutesFor(testApi(db).api));
    const { port } = server;
    const matchId = await createTestMatch(db);
    const client = new TestClient();
    const first = client.rallies(matchId, 30, ['A', 'B']);
    const { body, headers } = gzipPush(first);
    const head = (h: http.OutgoingHttpHeaders) =>
      `POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${Object.entries(
        h,
      )
        .map(([k, v]) => `${k}: ${String(v)}\r\n`)
        .join('')}\r\n`;

    // 1. The body is cut half-way: nothing of the push may be stored.
    await rawExchange(port, head(headers), body, (socket) => {
      socket.write(body.subarray(0, body.length >> 1), () =>
        setTimeout(() => socket.destroy(), 20),
      );
    });
    await settled();
    expect((await storedCounts(db, matchId)).size).toBe(0);

    // 2. The whole push arrives, but the connection dies as the answer starts.
    await rawExchange(port, head(headers), body, (socket) => {
      socket.write(body);
      socket.once('data', () => socket.destroy());
    });
    await settled();
    expect((await storedCounts(db, matchId)).size).toBe(30);

    // 3. The device never saw an answer and resends, with its next ops.
    const next = [...first.slice(20), ...client.rallies(matchId, 10, ['B'])];
    const resend = gzipPush(next);
    const answer = await post(port, resend.body, resend.headers);
    expect(statuses(pushResponseSchema.parse(JSON.parse(answer.text)).results)).toEqual([
      ...Array(10).fill('duplicate'),
      ...Array(10).fill('applied'),
    ]);
    const counts = await storedCounts(db, matchId);
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});
