import type { ApiHandlers } from '@courtsync/server';

/** Ways the network between a device and the server can break during one push. */
export type Fault =
  | 'network-down' // the request never reaches the server
  | 'http-500' // a proxy or the server fails before doing anything
  | 'http-429' // rate limited, with Retry-After
  | 'response-lost' // the server commits, the answer never arrives
  | 'response-truncated'; // the server commits, the answer arrives cut

/**
 * A `fetch` that delivers requests to the real push handler, breaking the next requests as
 * scripted (then, with `chance`, at random). Counts what reached the server.
 */
export function faultyNetwork(handlers: ApiHandlers, script: Fault[] = [], chance = 0, seed = 1) {
  let state = seed;
  const random = () => {
    // Mulberry32: a seeded PRNG so a failing run can be replayed.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const kinds: Fault[] = [
    'network-down',
    'http-500',
    'http-429',
    'response-lost',
    'response-truncated',
  ];
  const stats = { requests: 0, reachedServer: 0, faults: [] as Fault[] };
  let randomFaults = 0;

  const fetchFn: typeof fetch = async (input, init) => {
    stats.requests += 1;
    // Random faults hit random requests but take the kinds in turn, so any run with five or
    // more of them has met every kind, however the flushers' requests interleave.
    const fault =
      script.shift() ?? (random() < chance ? kinds[randomFaults++ % kinds.length] : undefined);
    if (fault) stats.faults.push(fault);
    if (fault === 'network-down') throw new TypeError('Failed to fetch');
    if (fault === 'http-500') return new Response('', { status: 500 });
    if (fault === 'http-429')
      return new Response('', { status: 429, headers: { 'retry-after': '1' } });

    stats.reachedServer += 1;
    const request = new Request(new URL(String(input), 'http://courtsync.test'), init);
    const response = await handlers.push(request);
    if (fault === 'response-lost') throw new TypeError('network connection was lost');
    if (fault === 'response-truncated') {
      const text = await response.text();
      return new Response(text.slice(0, Math.floor(text.length / 2)), { status: 200 });
    }
    return response;
  };
  return { fetch: fetchFn, stats };
}
