import { defaultFlushLock, inProcessFlushLock } from './flush-lock';

describe('inProcessFlushLock', () => {
  it('runs tasks one at a time, in call order, even when one fails', async () => {
    const lock = inProcessFlushLock();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      lock.run(task('a')),
      lock.run(task('b', true)),
      lock.run(task('c')),
    ]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

describe('defaultFlushLock', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('without Web Locks, hands every caller the same lock so flushes never overlap', async () => {
    // A context without the Web Locks API (newer Node versions have one: hide it).
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true });
    restore = () => {
      if (saved) Object.defineProperty(globalThis, 'navigator', saved);
      else delete (globalThis as { navigator?: unknown }).navigator;
    };
    const first = defaultFlushLock();
    expect(defaultFlushLock()).toBe(first);
    let running = 0;
    let overlapped = false;
    const task = async () => {
      running += 1;
      overlapped ||= running > 1;
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
    };
    await Promise.all([defaultFlushLock().run(task), defaultFlushLock().run(task)]);
    expect(overlapped).toBe(false);
  });
});
