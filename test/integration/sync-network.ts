import { API, type Op } from '@courtsync/protocol';
import type { ApiHandlers } from '@courtsync/server';
import { faultyNetwork, type Fault } from './sync-faults';

/**
 * One device's network to the real API handlers: push (through `faultyNetwork`, so scripted
 * faults hit it), pull, match views and the connectivity test. `offline` drops every request;
 * `gate` may answer a push in the server's place (a proxy's 400, a 401, a 503 …).
 */
export function syncNetwork(handlers: ApiHandlers, script: Fault[] = []) {
  const faults = faultyNetwork(handlers, script);
  const net = {
    offline: false,
    gate: undefined as ((ops: Op[]) => Response | undefined) | undefined,
    stats: faults.stats,
    fetch: (async (input, init) => {
      if (net.offline) throw new TypeError('Failed to fetch');
      const request = new Request(new URL(String(input), 'http://courtsync.test'), init);
      const path = new URL(request.url).pathname;
      if (path === API.push) {
        const body = JSON.parse(await request.clone().text()) as { ops: Op[] };
        return net.gate?.(body.ops) ?? faults.fetch(input, init);
      }
      if (path === API.pull) return handlers.pull(request);
      if (path === API.connectivityTest) return handlers.connectivityTest(request);
      const match = /^\/api\/v1\/matches\/([^/]+)$/.exec(path);
      if (match?.[1]) return handlers.getMatch(request, decodeURIComponent(match[1]));
      return new Response('', { status: 404 });
    }) as typeof fetch,
  };
  return net;
}

/** An API error answer. */
export function apiError(status: number, code: string, headers: Record<string, string> = {}) {
  return Response.json({ error: { code, message: `${code} (injected)` } }, { status, headers });
}
