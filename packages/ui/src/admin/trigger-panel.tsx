'use client';

import type { TriggerPriority } from '@courtsync/protocol';
import { useEffect, useState } from 'react';
import { adminApi, AdminApiError } from './admin-api';

const PRIORITIES: TriggerPriority[] = ['EMERGENCY', 'HIGH', 'NORMAL', 'LOW'];

interface Running {
  id: string;
  status: string;
  progress: number;
}

/** Starts a manual sync (F37) and shows its progress until it ends. */
export function TriggerPanel({ jobs, onDone }: { jobs: readonly string[]; onDone: () => void }) {
  const [job, setJob] = useState(jobs[0] ?? '');
  const [tournamentNo, setTournamentNo] = useState('');
  const [priority, setPriority] = useState<TriggerPriority>('NORMAL');
  const [reason, setReason] = useState('');
  const [run, setRun] = useState<Running>();
  const [message, setMessage] = useState<string>();
  const busy = run !== undefined && (run.status === 'QUEUED' || run.status === 'RUNNING');

  useEffect(() => {
    if (!run || !busy) return;
    const timer = setInterval(() => {
      adminApi.triggerStatus(run.id).then(
        (s) => {
          setRun({ id: s.sync_job_id, status: s.status, progress: s.progress });
          if (s.status === 'SUCCEEDED' || s.status === 'FAILED') onDone();
        },
        () => undefined,
      );
    }, 1000);
    return () => clearInterval(timer);
  }, [run, busy, onDone]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    adminApi
      .trigger({
        entity_type: job || (jobs[0] ?? ''),
        tournament_no: tournamentNo.trim() || undefined,
        priority,
        reason: reason.trim(),
      })
      .then(
        (r) => setRun({ id: r.sync_job_id, status: r.status, progress: r.progress }),
        (e: unknown) => setMessage(e instanceof AdminApiError ? e.message : String(e)),
      );
  };

  return (
    <form className="trigger-panel" onSubmit={submit} aria-label="Manual sync">
      <label>
        Job
        <select value={job} onChange={(e) => setJob(e.target.value)}>
          {jobs.map((j) => (
            <option key={j}>{j}</option>
          ))}
        </select>
      </label>
      <label>
        Tournament no. (optional)
        <input value={tournamentNo} onChange={(e) => setTournamentNo(e.target.value)} />
      </label>
      <label>
        Priority
        <select value={priority} onChange={(e) => setPriority(e.target.value as TriggerPriority)}>
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label>
        Reason
        <input required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Sync now
      </button>
      {message ? <p className="error-text">{message}</p> : null}
      {run ? (
        <div className="trigger-progress" data-testid="trigger-progress">
          <progress max={100} value={run.progress} />{' '}
          <span data-testid="trigger-status">{run.status}</span> {run.progress} %
        </div>
      ) : null}
    </form>
  );
}
