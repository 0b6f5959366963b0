import type { Database } from '../../db/types';
import { logger as defaultLogger } from '../../logger';
import type { Logger } from '../../logger';
import { LiveHub } from './live-hub';

const KEY = Symbol.for('courtsync.server.liveHubs');

/**
 * One hub per database, on globalThis: Next loads server modules twice in one process, and
 * two hubs would mean two LISTEN connections and every batch read twice.
 */
function hubs(): WeakMap<Database, LiveHub> {
  const holder = globalThis as typeof globalThis & { [KEY]?: WeakMap<Database, LiveHub> };
  return (holder[KEY] ??= new WeakMap());
}

/** The live hub of `db`, created (not yet started: that waits for a subscriber) on first use. */
export function liveHubFor(db: Database, log: Logger = defaultLogger): LiveHub {
  const all = hubs();
  let hub = all.get(db);
  if (!hub) {
    hub = new LiveHub(db, log);
    all.set(db, hub);
  }
  return hub;
}

/** Closes the hub of `db` if it has one (before the database itself closes). */
export async function closeLiveHub(db: Database): Promise<void> {
  const all = hubs();
  const hub = all.get(db);
  all.delete(db);
  await hub?.close();
}
