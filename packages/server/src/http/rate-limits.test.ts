import { apiErrorSchema, API } from '@courtsync/protocol';
import {
  apiRequest,
  createTestMatch,
  DEMO,
  describeEachDatabase,
  signIn,
  TestClient,
  testApi,
} from '@courtsync/server/test-support';
import { DEMO_TOURNAMENT_ID as E } from '../db/seed';
import { DatabaseRateLimiter } from '../services/rate-limit/database-limiter';
import { MemoryRateLimiter } from '../services/rate-limit/memory-limiter';

describeEachDatabase('rate limits over HTTP (F22)', (get) => {
  it('every limited answer carries X-RateLimit-*; the 11th push in a second gets 429 + Retry-After', async () => {
    // A stopped clock: the defaults hold however slow the machine is.
    const { api } = testApi(get().db, {
      auth: { mode: 'required' },
      limiter: new MemoryRateLimiter(() => 1_000_000),
    });
    const sam = await signIn(api, DEMO.scorer1);
    const m = await createTestMatch(get().db);
    const claimed = await api.claimMatch(
      apiRequest('POST', API.claim(E, m), undefined, { cookie: sam.cookie }),
      E,
      m,
    );
    expect(claimed.headers.get('x-ratelimit-limit')).toBe('20');
    expect(claimed.headers.get('x-ratelimit-remaining')).toBe('19');
    const device = new TestClient();
    const answers: Response[] = [];
    for (let i = 0; i < 11; i += 1) {
      answers.push(
        await api.push(
          apiRequest('POST', API.push, { ops: [device.rally(m, 'A')] }, { cookie: sam.cookie }),
        ),
      );
    }
    expect(answers.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(200));
    const limited = answers[10]!;
    expect(limited.status).toBe(429);
    expect(apiErrorSchema.parse(await limited.json()).error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('x-ratelimit-limit')).toBe('10');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    // Another user's bucket is untouched; reads are a bucket of their own.
    const admin = await signIn(api, DEMO.admin);
    const other = await api.push(
      apiRequest(
        'POST',
        API.push,
        { ops: [new TestClient().rally(m, 'B')] },
        { cookie: admin.cookie },
      ),
    );
    expect(other.status).toBe(200);
    const read = await api.getMatch(
      apiRequest('GET', API.match(m), undefined, { cookie: sam.cookie }),
      m,
    );
    expect(read.status).toBe(200);
    expect(read.headers.get('x-ratelimit-limit')).toBe('100');
  });

  it('the anonymous are limited per client address', async () => {
    const { api } = testApi(get().db, {
      rateLimits: { store: 'memory', limits: { read: { capacity: 2, refillPerSec: 0.01 } } },
    });
    const from = (ip: string) =>
      api.listTournaments(apiRequest('GET', API.tournaments, undefined, { 'x-forwarded-for': ip }));
    expect((await from('10.0.0.1')).status).toBe(200);
    expect((await from('10.0.0.1')).status).toBe(200);
    expect((await from('10.0.0.1')).status).toBe(429);
    expect((await from('10.0.0.2')).status).toBe(200);
    // The health check is never limited (load balancers poll it).
    for (let i = 0; i < 5; i += 1) {
      const health = await api.health(
        apiRequest('GET', API.health, undefined, { 'x-forwarded-for': '10.0.0.1' }),
      );
      expect(health.status).toBe(200);
    }
  });

  it('the database store shares one bucket between instances', async () => {
    const limits = { read: { capacity: 3, refillPerSec: 0.01 } };
    const instance = () =>
      testApi(get().db, {
        limiter: new DatabaseRateLimiter(async () => get().db),
        rateLimits: { store: 'database', limits },
      }).api;
    const [one, two] = [instance(), instance()];
    const ip = { 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 200)}.1` };
    const statuses = [];
    for (const api of [one, two, one, two]) {
      const r = await api.listTournaments(apiRequest('GET', API.tournaments, undefined, ip));
      statuses.push([r.status, r.headers.get('x-ratelimit-remaining')]);
    }
    expect(statuses).toEqual([
      [200, '2'],
      [200, '1'],
      [200, '0'],
      [429, '0'],
    ]);
  });

  it('concurrent takes on the database bucket never hand out more than its capacity', async () => {
    const limiter = new DatabaseRateLimiter(async () => get().db);
    const key = `race-${Math.random()}`;
    await limiter.take(key, { capacity: 10, refillPerSec: 0.001 }, 0);
    const decisions = await Promise.all(
      Array.from({ length: 25 }, () => limiter.take(key, { capacity: 10, refillPerSec: 0.001 })),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });
});
