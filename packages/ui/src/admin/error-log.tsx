'use client';

import type { Severity, SyncErrorType } from '@courtsync/protocol';
import { useState } from 'react';
import { adminApi } from './admin-api';
import { relativeTime } from './format';
import { usePolling } from './use-polling';

const TYPES: SyncErrorType[] = ['NETWORK', 'AUTH', 'API', 'DATABASE', 'TIMEOUT', 'VALIDATION'];
const SEVERITIES: Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** The error log with filters, recovery suggestions and resolve-with-notes (F33, F36). */
export function ErrorLog({ jobs }: { jobs: readonly string[] }) {
  const [job, setJob] = useState('');
  const [type, setType] = useState('');
  const [severity, setSeverity] = useState('');
  const [open, setOpen] = useState(true);
  const { data, error, reload } = usePolling(
    () =>
      adminApi.errors({
        job: job || undefined,
        type: (type || undefined) as SyncErrorType | undefined,
        severity: (severity || undefined) as Severity | undefined,
        resolved: open ? false : undefined,
        limit: 50,
      }),
    10_000,
    [job, type, severity, open],
  );
  const resolve = (id: number) => {
    const notes = window.prompt('What was done about it?');
    if (notes?.trim()) adminApi.resolveError(id, notes.trim()).then(reload, reload);
  };
  const select = (
    value: string,
    set: (v: string) => void,
    all: string,
    options: readonly string[],
  ) => (
    <select value={value} onChange={(e) => set(e.target.value)} aria-label={all}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o}>{o}</option>
      ))}
    </select>
  );
  return (
    <div className="error-log">
      <div className="filters">
        {select(job, setJob, 'All jobs', jobs)}
        {select(type, setType, 'All types', TYPES)}
        {select(severity, setSeverity, 'All severities', SEVERITIES)}
        <label>
          <input type="checkbox" checked={open} onChange={(e) => setOpen(e.target.checked)} />{' '}
          unresolved only
        </label>
      </div>
      {error ? <p className="error-text">{error.message}</p> : null}
      {data && data.errors.length === 0 ? <p className="muted">No errors.</p> : null}
      <ul data-testid="error-log">
        {data?.errors.map((e) => (
          <li key={e.id} className={`severity-${e.severity.toLowerCase()}`}>
            <div>
              <strong>
                {e.type} · {e.severity}
              </strong>{' '}
              {e.job}
              {e.tournamentNo ? ` · tournament ${e.tournamentNo}` : ''} ·{' '}
              {relativeTime(e.occurredAt)}
            </div>
            <div>{e.message}</div>
            <div className="suggestion">{e.recoverySuggestion}</div>
            {e.resolved ? (
              <div className="muted">Resolved: {e.resolutionNotes}</div>
            ) : (
              <button type="button" onClick={() => resolve(e.id)}>
                Resolve…
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
