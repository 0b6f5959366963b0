import { API } from '@courtsync/protocol';
import type { ApiHandlers } from '@courtsync/server';
import { faultyNetwork, type Fault } from './sync-faults';

/**
 * A browser's network to the real API handlers with sign-in: a cookie jar (Set-Cookie in,
 * Cookie out, Max-Age=0 deletes), `offline`, and scripted faults on pushes. Counts the
 * statuses the server answered, by path.
 */
export function authNetwork(handlers: ApiHandlers, pushFaults: Fault[] = []) {
  const jar = new Map<string, string>();
  const statuses: { path: string; status: number }[] = [];
  const withJar = (handler: (r: Request) => Promise<Response>) => async (request: Request) => {
    const response = await handler(request);
    statuses.push({ path: new URL(request.url).pathname, status: response.status });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (/Max-Age=0(;|$)/.test(line)) jar.delete(name);
      else jar.set(name, decodeURIComponent(pair.slice(eq + 1)));
    }
    return response;
  };
  const push = faultyNetwork({ ...handlers, push: withJar((r) => handlers.push(r)) }, pushFaults);
  const net = {
    offline: false,
    jar,
    statuses,
    faults: push.stats,
    fetch: (async (input, init) => {
      if (net.offline) throw new TypeError('Failed to fetch');
      const headers = new Headers(init?.headers);
      if (jar.size > 0) {
        headers.set('cookie', [...jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '));
      }
      const request = new Request(new URL(String(input), 'http://courtsync.test'), {
        ...init,
        headers,
      });
      const path = new URL(request.url).pathname;
      if (path === API.push) return push.fetch(request.url, { ...init, headers });
      const routes: Record<string, (r: Request) => Promise<Response>> = {
        [API.pull]: handlers.pull,
        [API.login]: handlers.login,
        [API.refresh]: handlers.refresh,
        [API.logout]: handlers.logout,
        [API.session]: handlers.session,
      };
      const route = routes[path];
      if (route) return withJar(route)(request);
      const claim = /^\/api\/v1\/events\/([^/]+)\/claims\/([^/]+)$/.exec(path);
      if (claim?.[1] && claim[2]) {
        const [event, match] = [claim[1], claim[2]];
        return withJar((r) => handlers.claimMatch(r, event, match))(request);
      }
      const match = /^\/api\/v1\/matches\/([^/]+)$/.exec(path);
      if (match?.[1]) return handlers.getMatch(request, decodeURIComponent(match[1]));
      return new Response('', { status: 404 });
    }) as typeof fetch,
  };
  return net;
}
