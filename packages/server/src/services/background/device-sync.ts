import {
  DEFAULT_SYNC_SETTINGS,
  type BackgroundState,
  type BackgroundStatus,
  type SyncSettings,
} from '@courtsync/protocol';
import { and, desc, eq, isNotNull, max, ne, sql } from 'drizzle-orm';
import { backgroundSyncDevices, backgroundSyncReports } from '../../db/schema';
import type { Database } from '../../db/types';

/** Who is asking: the device, and the signed-in user once sign-in exists (else null). */
export interface DeviceCaller {
  clientId: string;
  userId: string | null;
}

type DeviceChanges = Partial<
  Pick<
    typeof backgroundSyncDevices.$inferInsert,
    'state' | 'settings' | 'settingsUpdatedAt' | 'lastStartAt'
  >
>;

/** Creates the device's row or changes it; a known user id is kept when the caller has none. */
async function upsertDevice(db: Database, caller: DeviceCaller, changes: DeviceChanges) {
  const now = new Date();
  await db
    .insert(backgroundSyncDevices)
    .values({ clientId: caller.clientId, userId: caller.userId, ...changes, updatedAt: now })
    .onConflictDoUpdate({
      target: backgroundSyncDevices.clientId,
      set: {
        ...changes,
        userId: sql`coalesce(excluded.user_id, ${backgroundSyncDevices.userId})`,
        updatedAt: now,
      },
    });
}

/**
 * The device's background sync as the server knows it. Without settings of its own, a
 * signed-in user's most recent settings from another device apply ("user"), else the defaults.
 */
export async function readDeviceStatus(
  db: Database,
  caller: DeviceCaller,
): Promise<BackgroundStatus> {
  const [row] = await db
    .select()
    .from(backgroundSyncDevices)
    .where(eq(backgroundSyncDevices.clientId, caller.clientId));
  const [reports] = await db
    .select({ last: max(backgroundSyncReports.receivedAt) })
    .from(backgroundSyncReports)
    .where(eq(backgroundSyncReports.clientId, caller.clientId));
  let settings: SyncSettings = { ...DEFAULT_SYNC_SETTINGS };
  let settingsSource: BackgroundStatus['settingsSource'] = 'default';
  if (row?.settings) {
    settings = row.settings;
    settingsSource = 'device';
  } else if (caller.userId) {
    const [latest] = await db
      .select({ settings: backgroundSyncDevices.settings })
      .from(backgroundSyncDevices)
      .where(
        and(
          eq(backgroundSyncDevices.userId, caller.userId),
          ne(backgroundSyncDevices.clientId, caller.clientId),
          isNotNull(backgroundSyncDevices.settings),
        ),
      )
      .orderBy(desc(backgroundSyncDevices.settingsUpdatedAt))
      .limit(1);
    if (latest?.settings) {
      settings = latest.settings;
      settingsSource = 'user';
    }
  }
  const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
  return {
    clientId: caller.clientId,
    state: row?.state ?? 'active',
    settings,
    settingsSource,
    lastStartAt: iso(row?.lastStartAt),
    lastReportAt: iso(reports?.last),
    updatedAt: iso(row?.updatedAt),
  };
}

/** Stores the device's settings (validated by the caller). */
export async function saveDeviceSettings(
  db: Database,
  caller: DeviceCaller,
  settings: SyncSettings,
): Promise<BackgroundStatus> {
  await upsertDevice(db, caller, { settings, settingsUpdatedAt: new Date() });
  return readDeviceStatus(db, caller);
}

/** Pauses or resumes the device's automatic sync. */
export async function setDeviceState(
  db: Database,
  caller: DeviceCaller,
  state: BackgroundState,
): Promise<BackgroundStatus> {
  await upsertDevice(db, caller, { state });
  return readDeviceStatus(db, caller);
}

/** Records a manual run ("Sync now" / POST start). */
export async function recordManualStart(
  db: Database,
  caller: DeviceCaller,
): Promise<BackgroundStatus> {
  await upsertDevice(db, caller, { lastStartAt: new Date() });
  return readDeviceStatus(db, caller);
}
