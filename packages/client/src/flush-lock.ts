/** Runs one flush at a time across every tab and the service worker of this origin (F17). */
export interface FlushLock {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** The lock name shared by pages and the service worker. */
export const FLUSH_LOCK_NAME = 'courtsync-flush';

/** A Web Locks API lock: exclusive across all contexts of the origin. */
export function webFlushLock(locks: LockManager): FlushLock {
  return {
    run: <T>(task: () => Promise<T>) =>
      locks.request(FLUSH_LOCK_NAME, { mode: 'exclusive' }, task) as Promise<T>,
  };
}

/** A lock for one JS context only, where the Web Locks API is missing (old browsers, Node tests). */
export function inProcessFlushLock(): FlushLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task, task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}

/** The context's fallback lock: one per JS context, or two callers would not exclude each other. */
let contextLock: FlushLock | undefined;

/** The best lock this context offers: Web Locks, else one in-process lock shared by all callers. */
export function defaultFlushLock(): FlushLock {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (locks) return webFlushLock(locks);
  contextLock ??= inProcessFlushLock();
  return contextLock;
}
