'use client';

import { useEffect, useState } from 'react';

/** Anything with a `subscribe` that returns an unsubscribe handle (Dexie's liveQuery, RxJS...). */
export interface Subscribable<T> {
  subscribe(observer: { next?: (value: T) => void; error?: (error: unknown) => void }): {
    unsubscribe(): void;
  };
}

/**
 * Subscribes to an observable for the component's lifetime; `undefined` until the first value.
 * `create` is re-run when `deps` change.
 */
export function useObservable<T>(
  create: () => Subscribable<T>,
  deps: readonly unknown[],
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = create().subscribe({ next: setValue });
    return () => subscription.unsubscribe();
    // The caller owns the dependency list, as with useMemo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
