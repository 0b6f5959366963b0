import {
  DEVICE_EXPORT_KIND,
  DEVICE_EXPORT_VERSION,
  type DeviceExport,
} from '@courtsync/protocol/device-export';
import type { CourtSyncDb } from '../courtsync-db';

/**
 * Everything this device keeps (F6) as one JSON-ready object: matches, their confirmed logs,
 * acked and queued ops (pending and failed), and the saved tournament list. Read in ONE
 * transaction, so a tap racing the export is either wholly in the file or not at all.
 */
export async function exportDeviceData(
  db: CourtSyncDb,
  now: Date = new Date(),
): Promise<DeviceExport> {
  return db.transaction(
    'r',
    [db.matches, db.confirmed, db.acked, db.outbox, db.listings, db.meta],
    async () => {
      const [matches, confirmed, acked, outbox, listings, clientId] = await Promise.all([
        db.matches.orderBy('id').toArray(),
        db.confirmed.toArray(),
        db.acked.toArray(),
        db.outbox.orderBy('seq').toArray(),
        db.listings.toArray(),
        db.meta.get('clientId'),
      ]);
      const file: DeviceExport = {
        kind: DEVICE_EXPORT_KIND,
        version: DEVICE_EXPORT_VERSION,
        exportedAt: now.toISOString(),
        matches,
        confirmed,
        acked,
        outbox,
        listings,
      };
      if (typeof clientId?.value === 'string') file.clientId = clientId.value;
      return file;
    },
  );
}

/** The export as the text of a `.json` file (compact: a season of matches stays a few MB). */
export function deviceExportText(file: DeviceExport): string {
  return JSON.stringify(file);
}

/** A file name for an export taken at `at`, e.g. `courtsync-device-2026-11-22T10-00.json`. */
export function deviceExportFileName(at: Date = new Date()): string {
  return `courtsync-device-${at.toISOString().slice(0, 16).replace(/:/g, '-')}.json`;
}
