import type { SyncSettings } from '@courtsync/protocol';
import type { CourtSyncDb } from './courtsync-db';
import { conditionsFrom, DEVICE_CONDITIONS_KEY, type DeviceConditions } from './device-conditions';
import type { SendGate } from './outbox-batch';
import { isLive } from './priority-scoring';
import { settingsFrom, SETTINGS_KEY, STATE_KEY } from './sync-settings';

/** Why the battery rules hold back work, if they do (F14). */
export function batteryHold(
  settings: SyncSettings,
  conditions: Pick<DeviceConditions, 'batteryLevel' | 'charging'> | undefined,
): 'not-charging' | 'low-battery' | undefined {
  // Unknown battery (no Battery API: Safari, Firefox, the worker without a snapshot): no rule.
  if (!conditions || conditions.charging === undefined || conditions.charging) return undefined;
  if (settings.syncOnlyWhenCharging) return 'not-charging';
  const level = conditions.batteryLevel;
  if (level !== undefined && level * 100 < settings.minimumBatteryLevel) return 'low-battery';
  return undefined;
}

/** What an automatic flush may do now. */
export interface FlushPermit {
  /** Automatic sync is off (settings) or paused (server): nothing goes until "Sync now". */
  blocked?: 'disabled' | 'paused';
  /** The battery rules hold back low-scoring work of matches that are not live. */
  gate?: SendGate;
  hold?: 'not-charging' | 'low-battery';
  settings: SyncSettings;
}

/**
 * Reads settings, the server's pause and the battery snapshot (one meta read) and says what an
 * automatic flush may send. Live matches are only looked up when the battery rules apply.
 */
export async function readFlushPermit(db: CourtSyncDb, now = Date.now()): Promise<FlushPermit> {
  const [settingsRow, stateRow, conditionsRow] = await db.meta.bulkGet([
    SETTINGS_KEY,
    STATE_KEY,
    DEVICE_CONDITIONS_KEY,
  ]);
  const settings = settingsFrom(settingsRow?.value);
  if (!settings.enabled) return { blocked: 'disabled', settings };
  if (stateRow?.value === 'paused') return { blocked: 'paused', settings };
  const hold = batteryHold(settings, conditionsFrom(conditionsRow?.value, now));
  if (!hold) return { settings };
  const liveMatches = new Set<string>();
  await db.matches.each((m) => {
    if (isLive(m.state)) liveMatches.add(m.id);
  });
  return { settings, hold, gate: { minScore: settings.priorityThreshold, liveMatches } };
}
