'use client';

import type { TournamentSyncStatus, TriggerAudit } from '@courtsync/protocol';
import { relativeTime } from './format';

/** Latest sync result of each tournament (F32 per-tournament results, F36). */
export function TournamentSyncTable({ rows }: { rows: readonly TournamentSyncStatus[] }) {
  if (rows.length === 0) return <p className="muted">No tournament synced yet.</p>;
  return (
    <table className="admin-table" data-testid="tournament-sync">
      <thead>
        <tr>
          <th>Tournament</th>
          <th>Job</th>
          <th>Result</th>
          <th>When</th>
          <th>Records</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={`${t.job}-${t.tournamentNo}`} title={t.error ?? undefined}>
            <td>
              {t.tournamentNo}
              {t.name ? ` · ${t.name}` : ''}
            </td>
            <td>{t.job}</td>
            <td className={`outcome-${t.outcome.toLowerCase()}`}>{t.outcome}</td>
            <td>{relativeTime(t.syncedAt)}</td>
            <td>{t.records}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every manual trigger: who, why, when, outcome, records (F37 audit log). */
export function AuditLogTable({ rows }: { rows: readonly TriggerAudit[] }) {
  if (rows.length === 0) return <p className="muted">No manual syncs yet.</p>;
  return (
    <table className="admin-table" data-testid="audit-log">
      <thead>
        <tr>
          <th>When</th>
          <th>Who</th>
          <th>Job</th>
          <th>Priority</th>
          <th>Reason</th>
          <th>Outcome</th>
          <th>Records</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.id} data-testid={`audit-${t.id}`}>
            <td>{relativeTime(t.requestedAt)}</td>
            <td>{t.requestedBy}</td>
            <td>
              {t.job}
              {t.tournamentNo ? ` #${t.tournamentNo}` : ''}
            </td>
            <td>{t.priority}</td>
            <td>{t.reason}</td>
            <td title={t.error ?? undefined}>{t.outcome ?? t.status}</td>
            <td>{t.recordsProcessed ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
