'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/** State of a polled value. */
export interface Polled<T> {
  data: T | undefined;
  error: Error | undefined;
  /** Fetches now (after an action) instead of waiting for the next tick. */
  reload: () => void;
}

/**
 * Calls `load` now and every `intervalMs` while the page is visible (the dashboard "refreshes
 * live"); `deps` restart it. Keeps the last good data while a later call fails.
 */
export function usePolling<T>(
  load: () => Promise<T>,
  intervalMs: number,
  deps: readonly unknown[],
): Polled<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let cancelled = false;
    const run = () => {
      if (document.visibilityState === 'hidden') return;
      loadRef.current().then(
        (value) => {
          if (cancelled) return;
          setData(value);
          setError(undefined);
        },
        (e: unknown) => !cancelled && setError(e instanceof Error ? e : new Error(String(e))),
      );
    };
    run();
    const timer = setInterval(run, intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deps are the caller's
  }, [intervalMs, tick, ...deps]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload };
}
