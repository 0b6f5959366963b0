import type { CourtSyncDb } from './courtsync-db';

/**
 * What the page last saw of the phone (ConnectivityDetector), stored so the service worker,
 * which has no Battery API, applies the same battery rules.
 */
export interface DeviceConditions {
  /** 0…1; undefined where the Battery API is missing. */
  batteryLevel?: number;
  charging?: boolean;
  /** When the page wrote it (ms since the epoch). */
  at: number;
}

const KEY = 'deviceConditions';

/** A snapshot older than this is ignored: the phone may be charging by now. */
export const CONDITIONS_MAX_AGE_MS = 30 * 60_000;

/** Stores the page's latest view of the battery. */
export async function writeDeviceConditions(
  db: CourtSyncDb,
  conditions: DeviceConditions,
): Promise<void> {
  await db.meta.put({ key: KEY, value: conditions });
}

/** The snapshot from a stored value, or undefined when missing or stale. */
export function conditionsFrom(value: unknown, now = Date.now()): DeviceConditions | undefined {
  const c = value as DeviceConditions | undefined;
  if (!c || typeof c.at !== 'number' || now - c.at > CONDITIONS_MAX_AGE_MS) return undefined;
  return c;
}

export { KEY as DEVICE_CONDITIONS_KEY };
