import { MemoryRateLimiter } from './memory-limiter';
import { parseRate, rateSettingsFromEnv } from './rate-settings';

describe('token bucket in memory (F22)', () => {
  it('allows a burst of `capacity`, then refuses with Retry-After until tokens come back', async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    const limit = { capacity: 10, refillPerSec: 10 };
    for (let i = 0; i < 10; i += 1) {
      const d = await limiter.take('k', limit);
      expect(d).toMatchObject({ allowed: true, limit: 10, remaining: 9 - i });
    }
    const refused = await limiter.take('k', limit);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSec: 1 });
    now += 100; // one token back
    expect((await limiter.take('k', limit)).allowed).toBe(true);
    expect((await limiter.take('k', limit)).allowed).toBe(false);
    // Other keys have their own bucket.
    expect((await limiter.take('other', limit)).allowed).toBe(true);
  });

  it('reports the seconds to a full bucket and a Retry-After for slow buckets', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    const perMinute = { capacity: 20, refillPerSec: 20 / 60 };
    for (let i = 0; i < 20; i += 1) await limiter.take('c', perMinute);
    const refused = await limiter.take('c', perMinute);
    expect(refused.retryAfterSec).toBe(3);
    expect(refused.resetSec).toBe(60);
    now += 3000;
    expect((await limiter.take('c', perMinute)).allowed).toBe(true);
  });

  it('reads limits from the environment', () => {
    expect(parseRate('20/min')).toEqual({ capacity: 20, refillPerSec: 20 / 60 });
    expect(parseRate('10/s')).toEqual({ capacity: 10, refillPerSec: 10 });
    expect(parseRate('ten/s')).toBeUndefined();
    const s = rateSettingsFromEnv({
      NODE_ENV: 'test',
      RATE_LIMIT_STORE: 'database',
      RATE_LIMIT_READ: '500/min',
    });
    expect(s.store).toBe('database');
    expect(s.limits.read.capacity).toBe(500);
    expect(s.limits['score-write']).toEqual({ capacity: 10, refillPerSec: 10 });
    expect(rateSettingsFromEnv({ NODE_ENV: 'test', RATE_LIMIT_STORE: 'bogus' }).store).toBe(
      'memory',
    );
  });
});
