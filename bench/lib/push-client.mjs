// A Node client for POST /api/v1/sync/push that sends bodies the way the app's client does:
// JSON, gzipped when 1 KiB or more (packages/client/src/push-transport.ts).
import http from 'node:http';
import { gzipSync, gunzipSync } from 'node:zlib';

/** The request body and headers of one push of `ops`, prepared ahead of any timing. */
export function preparePush(ops) {
  const json = Buffer.from(JSON.stringify({ ops }));
  const gzip = json.length >= 1024;
  const body = gzip ? gzipSync(json) : json;
  const headers = {
    'content-type': 'application/json',
    'content-length': String(body.length),
    'accept-encoding': 'gzip',
  };
  if (gzip) headers['content-encoding'] = 'gzip';
  return { body, headers, ops: ops.length };
}

/** Sends one prepared push over `agent`; resolves with {status, results, ms}. */
export function sendPush(url, agent, push) {
  const target = new URL('/api/v1/sync/push', url);
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      target,
      { method: 'POST', headers: push.headers, agent },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = (
            response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw
          ).toString('utf8');
          const ms = performance.now() - startedAt;
          if (response.statusCode !== 200) {
            reject(new Error(`push answered ${response.statusCode}: ${text.slice(0, 300)}`));
            return;
          }
          resolve({ status: response.statusCode, results: JSON.parse(text).results, ms });
        });
      },
    );
    request.on('error', reject);
    request.end(push.body);
  });
}
