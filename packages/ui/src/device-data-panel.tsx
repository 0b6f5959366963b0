'use client';

import { useState } from 'react';
import { openCourtSyncDb, requestSync } from '@courtsync/client';
import {
  deviceExportFileName,
  deviceExportText,
  exportDeviceData,
  importDeviceData,
  parseDeviceExport,
  type ImportSummary,
} from '@courtsync/client/device-data';
import { saveFile } from './save-file';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'exported'; fileName: string }
  | { kind: 'imported'; summary: ImportSummary }
  | { kind: 'error'; message: string };

/** What an import did, in one sentence. */
function describeImport(s: ImportSummary): string {
  const parts = [
    `${s.matches} new matches`,
    `${s.events} confirmed events`,
    `${s.ops} queued or acknowledged actions`,
    `${s.duplicates} already on this device (skipped)`,
  ];
  const blocked =
    s.blocked > 0
      ? ` ${s.blocked} queued actions of the other device wait: let this device sync, then import the file again.`
      : '';
  return `Imported ${parts.join(', ')}.${blocked}`;
}

/**
 * Export everything this device keeps as one JSON file, and import such a file from another
 * device (F6). Importing is a merge by op id: importing twice, or a file with actions this
 * device already has, never doubles anything.
 */
export function DeviceDataPanel() {
  const [db] = useState(() => openCourtSyncDb());
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  const onExport = async () => {
    setBusy(true);
    try {
      const fileName = deviceExportFileName();
      saveFile(deviceExportText(await exportDeviceData(db)), fileName, 'application/json');
      setOutcome({ kind: 'exported', fileName });
    } catch (error) {
      setOutcome({ kind: 'error', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const summary = await importDeviceData(db, parseDeviceExport(await file.text()));
      setOutcome({ kind: 'imported', summary });
      // Imported queued actions go out like this device's own.
      if (summary.ops > 0) void requestSync(db).catch(() => undefined);
    } catch (error) {
      setOutcome({ kind: 'error', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="device-data" aria-labelledby="device-data-title" data-testid="device-data">
      <h2 id="device-data-title">Data on this device</h2>
      <p>
        Move your matches and any actions not yet sent to another phone: export here, import there.
        Nothing is counted twice.
      </p>
      <button
        type="button"
        className="plain-button"
        disabled={busy}
        onClick={() => void onExport()}
        data-testid="export-device"
      >
        Export as JSON
      </button>
      <label className="file-field">
        Import a CourtSync export
        <input
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => void onImport(e.target.files?.[0])}
          data-testid="import-device"
        />
      </label>
      <p role="status" data-testid="device-data-outcome" data-kind={outcome.kind}>
        {outcome.kind === 'exported' && `Saved ${outcome.fileName}.`}
        {outcome.kind === 'imported' && describeImport(outcome.summary)}
        {outcome.kind === 'error' && `Could not do that: ${outcome.message}`}
      </p>
    </section>
  );
}
