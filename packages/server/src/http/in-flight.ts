/** Requests being handled, shared by every copy of this module (Next loads it twice). */
interface InFlight {
  count: number;
  idle: (() => void)[];
}

const KEY = Symbol.for('courtsync.server.inFlight');

function inFlight(): InFlight {
  const holder = globalThis as typeof globalThis & { [KEY]?: InFlight };
  return (holder[KEY] ??= { count: 0, idle: [] });
}

/** Marks a request as started; call the returned function once it is answered. */
export function trackRequest(): () => void {
  const state = inFlight();
  state.count += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    state.count -= 1;
    if (state.count === 0) for (const resolve of state.idle.splice(0)) resolve();
  };
}

/** Number of requests being handled right now. */
export function requestsInFlight(): number {
  return inFlight().count;
}

/**
 * Resolves once no request is in flight, or after `timeoutMs`; true when drained. Used on
 * shutdown: with NEXT_MANUAL_SIG_HANDLE Next no longer drains requests itself.
 */
export function waitForIdle(timeoutMs: number): Promise<boolean> {
  const state = inFlight();
  if (state.count === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      state.idle = state.idle.filter((f) => f !== onIdle);
      resolve(false);
    }, timeoutMs);
    const onIdle = () => {
      clearTimeout(timer);
      resolve(true);
    };
    state.idle.push(onIdle);
  });
}
