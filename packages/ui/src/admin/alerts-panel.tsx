'use client';

import type { Alert } from '@courtsync/protocol';
import { relativeTime } from './format';

/** Active alerts with an acknowledge button (F35, F36). */
export function AlertsPanel({
  alerts,
  onAcknowledge,
}: {
  alerts: readonly Alert[];
  onAcknowledge: (id: number) => void;
}) {
  if (alerts.length === 0) return <p className="muted">No active alerts.</p>;
  return (
    <ul className="alerts" data-testid="alerts">
      {alerts.map((a) => (
        <li key={a.id} className={`alert severity-${a.severity.toLowerCase()}`}>
          <strong>{a.severity}</strong> {a.message}
          <div className="muted">
            opened {relativeTime(a.openedAt)}
            {a.escalationLevel > 0 ? ` · escalated ×${a.escalationLevel}` : ''}
            {a.acknowledgedAt ? ` · acknowledged by ${a.acknowledgedBy ?? '?'}` : ''}
          </div>
          {a.status === 'OPEN' ? (
            <button type="button" onClick={() => onAcknowledge(a.id)}>
              Acknowledge
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
