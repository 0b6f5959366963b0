import {
  CourtSyncDb,
  flush,
  inProcessFlushLock,
  record,
  type FlushOptions,
} from '@courtsync/client';

let counter = 0;

/** A device: its own IndexedDB (fake-indexeddb), empty. */
export function newDevice(name = 'device'): CourtSyncDb {
  counter += 1;
  return new CourtSyncDb(`${name}-${process.pid}-${counter}-${Date.now()}`);
}

/** Flush options for tests: plain JSON bodies (the network fakes read them), no broadcast. */
export function flushOptions(db: CourtSyncDb, fetchFn: typeof fetch, batchSize = 10): FlushOptions {
  return {
    db,
    fetch: fetchFn,
    lock: inProcessFlushLock(),
    pushUrl: 'http://courtsync.test/api/v1/sync/push',
    pullUrl: 'http://courtsync.test/api/v1/sync/pull',
    batchSize,
    compress: false,
    broadcast: false,
  };
}

/** Flushes until nothing is left to retry (a browser retrying its sync), bounded. */
export async function flushUntilSettled(options: FlushOptions, maxRounds = 50) {
  for (let round = 0; round < maxRounds; round++) {
    const result = await flush(options);
    if (result.status !== 'retry') return result;
    // A Retry-After (429) is waited out, as the browser and the page's loop do.
    if (result.retryAfterMs) await new Promise((r) => setTimeout(r, result.retryAfterMs));
  }
  throw new Error('outbox not drained');
}

/** Taps rallies (winners from `pattern`) on a match; returns their opIds. */
export async function rallies(db: CourtSyncDb, matchId: string, pattern: string) {
  const ids: string[] = [];
  for (const winner of pattern) {
    const input = { matchId, type: 'rally', payload: { winner: winner as 'A' | 'B' } } as const;
    ids.push((await record(db, input)).op.opId);
  }
  return ids;
}

/** Taps Undo (what the screen shows as last); returns the op id. */
export async function undo(db: CourtSyncDb, matchId: string) {
  return (await record(db, { matchId, type: 'undo' })).op.opId;
}
