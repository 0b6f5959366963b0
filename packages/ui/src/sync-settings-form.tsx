'use client';

import { useState } from 'react';
import type { SyncSettings } from '@courtsync/protocol';

/** Props of the settings form. */
export interface SyncSettingsFormProps {
  settings: SyncSettings;
  paused: boolean;
  onSave(settings: SyncSettings): Promise<void>;
  onPause(paused: boolean): void;
}

const NUMBERS: { key: keyof SyncSettings; label: string }[] = [
  { key: 'minimumBatteryLevel', label: 'Minimum battery level (%)' },
  { key: 'maximumConcurrentOperations', label: 'Requests at once' },
  { key: 'syncIntervalMinutes', label: 'Sync every (minutes)' },
  { key: 'maxRetryAttempts', label: 'Flag an action after (failed sends)' },
  { key: 'priorityThreshold', label: 'High priority from score' },
];

/** The background-sync settings of this device (F14), saved here and on the server. */
export function SyncSettingsForm({ settings, paused, onSave, onPause }: SyncSettingsFormProps) {
  const [draft, setDraft] = useState(settings);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="settings-form"
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        onSave(draft).then(
          () => {
            setError(undefined);
            setSaved(true);
          },
          (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
        );
      }}
    >
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="setting-enabled"
          checked={draft.enabled}
          onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
        />
        Sync automatically
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="setting-charging"
          checked={draft.syncOnlyWhenCharging}
          onChange={(e) => setDraft({ ...draft, syncOnlyWhenCharging: e.target.checked })}
        />
        Only urgent actions unless charging
      </label>
      {NUMBERS.map(({ key, label }) => (
        <label key={key} className="field">
          {label}
          <input
            type="number"
            inputMode="numeric"
            data-testid={`setting-${key}`}
            value={String(draft[key])}
            onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })}
          />
        </label>
      ))}
      {error && (
        <p className="sync-error" data-testid="settings-error">
          {error}
        </p>
      )}
      <div className="queue-actions">
        <button type="submit" className="plain-button" data-testid="settings-save">
          Save settings
        </button>
        <button
          type="button"
          className="plain-button"
          data-testid="sync-pause"
          onClick={() => onPause(!paused)}
        >
          {paused ? 'Resume sync' : 'Pause sync'}
        </button>
        {saved && <span data-testid="settings-saved">Saved</span>}
      </div>
    </form>
  );
}
