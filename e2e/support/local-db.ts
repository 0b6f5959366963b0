import type { Page } from '@playwright/test';

/** Reads rows of one object store of the app's IndexedDB with the raw API (no app code). */
export function readStore<T>(
  page: Page,
  store: 'outbox' | 'confirmed' | 'acked' | 'matches' | 'meta',
): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('courtsync');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
