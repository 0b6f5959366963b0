import { backoffDelay, PAGE_BACKOFF } from './backoff';
import type { FlushStatus } from './sync-channel';
import { SyncLoop, type SyncLoopDelegate } from './sync-loop';

type Answer = { status: FlushStatus; retryAfterMs?: number };

/** A delegate over Jest's fake timers; flush answers come from `answers`, then 'done'. */
function harness(answers: Answer[], probes: boolean[] = [], random = 0.5) {
  const calls = { flush: [] as number[], probe: [] as number[] };
  const delegate: SyncLoopDelegate = {
    flush: async () => {
      calls.flush.push(Date.now());
      return answers.shift() ?? { status: 'done' };
    },
    probe: async () => {
      calls.probe.push(Date.now());
      return probes.shift() ?? false;
    },
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    random: () => random,
    now: () => Date.now(),
  };
  const loop = new SyncLoop(delegate);
  return { loop, calls };
}

const tick = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with full jitter, never below Retry-After', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, PAGE_BACKOFF, top))).toEqual([
      499, 999, 1999, 3999,
    ]);
    expect(backoffDelay(20, PAGE_BACKOFF, top)).toBe(29_999);
    expect(backoffDelay(3, PAGE_BACKOFF, () => 0)).toBe(0);
    expect(backoffDelay(1, PAGE_BACKOFF, () => 0, 7000)).toBe(7000);
  });
});

describe('SyncLoop', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('retries after a backoff that doubles, and stops retrying once a flush is done', async () => {
    const { loop, calls } = harness([
      { status: 'retry' },
      { status: 'retry' },
      { status: 'retry' },
    ]);
    loop.kick();
    await tick(0);
    // random 0.5: 250 ms, 500 ms, 1000 ms.
    await tick(250);
    await tick(500);
    await tick(1000);
    expect(calls.flush).toEqual([0, 250, 750, 1750]);
    expect(loop.state).toBe('idle');
    await tick(60_000);
    expect(calls.flush).toHaveLength(4);
  });

  it('honours Retry-After even when the backoff is shorter, and a tap does not cut it', async () => {
    const { loop, calls } = harness([{ status: 'retry', retryAfterMs: 5000 }], [true, true]);
    loop.kick();
    await tick(1000);
    loop.kick();
    await tick(3000);
    expect(calls.flush).toEqual([0]);
    await tick(1000);
    expect(calls.flush).toEqual([0, 5000]);
  });

  it('while waiting long it probes ~every second and flushes at once when the server is back', async () => {
    const answers: Answer[] = Array.from({ length: 6 }, () => ({ status: 'retry' }));
    const { loop, calls } = harness(answers, [false, false, true], 0.99);
    loop.kick();
    // Backoff with random .99: 495, 990, 1980, 3960 ms; probes (every 1490 ms) only start
    // once a wait exceeds 1 s. The first probes fail, the third answers: flush at once.
    await tick(6445);
    expect(calls.flush).toEqual([0, 495, 1485, 3465, 6445]);
    expect(calls.probe).toEqual([2975, 4955, 6445]);
  });

  it('paused stops everything until resume()', async () => {
    const { loop, calls } = harness([{ status: 'paused' }]);
    loop.kick();
    await tick(0);
    expect(loop.state).toBe('paused');
    loop.kick();
    await tick(60_000);
    expect(calls.flush).toHaveLength(1);
    loop.resume();
    await tick(0);
    expect(calls.flush).toHaveLength(2);
    expect(loop.state).toBe('idle');
  });

  it('a kick during a flush runs one more flush after it; stop() cancels the timers', async () => {
    const { loop, calls } = harness([{ status: 'done' }, { status: 'retry' }]);
    loop.kick();
    loop.kick();
    loop.kick();
    await tick(0);
    expect(calls.flush).toHaveLength(2);
    expect(loop.state).toBe('waiting');
    loop.stop();
    await tick(60_000);
    expect(calls.flush).toHaveLength(2);
  });

  it('takes over after another context failed: backs off first, then flushes', async () => {
    const { loop, calls } = harness([]);
    loop.takeOver(2000);
    await tick(1999);
    expect(calls.flush).toHaveLength(0);
    await tick(1);
    expect(calls.flush).toHaveLength(1);
  });
});
