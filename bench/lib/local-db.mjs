// Reads the app's IndexedDB with the raw API (no app code), like e2e/support/local-db.ts.

/** The pending ops of the app's outbox in seq order, as wire ops. */
export function readPendingOps(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('courtsync');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('outbox', 'readonly').objectStore('outbox').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            resolve(
              request.result
                .filter((entry) => entry.status === 'pending')
                .sort((x, y) => x.seq - y.seq)
                .map(({ opId, clientId, seq, matchId, type, payload, clientTime }) => ({
                  opId,
                  clientId,
                  seq,
                  matchId,
                  type,
                  payload,
                  clientTime,
                })),
            );
          };
        };
      }),
  );
}

/** Resolves once the app's outbox holds no entry at all (polled every 5 ms in the page). */
export function waitForEmptyOutbox(page, timeoutMs = 60_000) {
  return page.evaluate(
    (timeout) =>
      new Promise((resolve, reject) => {
        const deadline = performance.now() + timeout;
        const open = indexedDB.open('courtsync');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const poll = () => {
            const request = db.transaction('outbox', 'readonly').objectStore('outbox').count();
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              if (request.result === 0) {
                db.close();
                resolve();
              } else if (performance.now() > deadline) {
                db.close();
                reject(new Error(`outbox still holds ${request.result} ops`));
              } else setTimeout(poll, 5);
            };
          };
          poll();
        };
      }),
    timeoutMs,
  );
}
