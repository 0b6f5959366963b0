import type { ApiHandlers } from '@courtsync/server';

/**
 * A `fetch` that serves the API's GET routes (pull included) from the real handlers (the app's route table in
 * a few lines), and fails like a dropped network while `offline.now` is set.
 */
export function serverFetch(handlers: ApiHandlers) {
  const offline = { now: false };
  const fetchFn: typeof fetch = async (input, init) => {
    if (offline.now) throw new TypeError('Failed to fetch');
    const request = new Request(new URL(String(input), 'http://courtsync.test'), init);
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/tournaments') return handlers.listTournaments(request);
    if (path === '/api/v1/sync/pull') return handlers.pull(request);
    const match = /^\/api\/v1\/matches\/([^/]+)(\/events)?$/.exec(path);
    if (match?.[1]) {
      const id = decodeURIComponent(match[1]);
      return match[2] ? handlers.getMatchEvents(request, id) : handlers.getMatch(request, id);
    }
    return new Response('', { status: 404 });
  };
  return { fetch: fetchFn, offline };
}
