import { liveQuery, type Observable } from 'dexie';
import {
  DEFAULT_SYNC_SETTINGS,
  syncSettingsSchema,
  type BackgroundState,
  type SyncSettings,
} from '@courtsync/protocol';
import type { CourtSyncDb } from './courtsync-db';

const SETTINGS_KEY = 'syncSettings';
const STATE_KEY = 'backgroundState';

/** The settings from a stored value; anything missing or invalid falls back to the defaults. */
export function settingsFrom(value: unknown): SyncSettings {
  const parsed = syncSettingsSchema.safeParse({
    ...DEFAULT_SYNC_SETTINGS,
    ...(typeof value === 'object' && value ? value : {}),
  });
  return parsed.success ? parsed.data : { ...DEFAULT_SYNC_SETTINGS };
}

/** This device's background-sync settings (F14). */
export async function readSettings(db: CourtSyncDb): Promise<SyncSettings> {
  return settingsFrom((await db.meta.get(SETTINGS_KEY))?.value);
}

/** Whether this device ever stored settings of its own. */
export async function hasOwnSettings(db: CourtSyncDb): Promise<boolean> {
  return (await db.meta.get(SETTINGS_KEY)) !== undefined;
}

/** Stores settings after checking them; throws with the problems when they are invalid. */
export async function writeSettings(db: CourtSyncDb, settings: SyncSettings): Promise<void> {
  const parsed = syncSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  await db.meta.put({ key: SETTINGS_KEY, value: parsed.data });
}

/** Live settings, for the settings form and the indicator. */
export function observeSettings(db: CourtSyncDb): Observable<SyncSettings> {
  return liveQuery(() => readSettings(db));
}

/** Whether the server paused this device's automatic sync (POST pause), as last heard. */
export async function readBackgroundState(db: CourtSyncDb): Promise<BackgroundState> {
  return (await db.meta.get(STATE_KEY))?.value === 'paused' ? 'paused' : 'active';
}

/** Records the server's pause / resume for this device (read by every flush). */
export async function writeBackgroundState(db: CourtSyncDb, state: BackgroundState): Promise<void> {
  await db.meta.put({ key: STATE_KEY, value: state });
}

/** Live pause state. */
export function observeBackgroundState(db: CourtSyncDb): Observable<BackgroundState> {
  return liveQuery(() => readBackgroundState(db));
}

export { SETTINGS_KEY, STATE_KEY };
