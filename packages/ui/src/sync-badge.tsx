/** Props of the sync badge. */
export interface SyncBadgeProps {
  pending: number;
  failed: number;
  online: boolean;
}

/** Pending and failed op counts with the connection state, always in view. */
export function SyncBadge({ pending, failed, online }: SyncBadgeProps) {
  const label = pending === 0 ? 'All synced' : `${pending} pending`;
  return (
    <div
      className={`sync-badge ${online ? 'is-online' : 'is-offline'}`}
      role="status"
      aria-live="polite"
    >
      <span className="sync-dot" aria-hidden />
      <span data-testid="connection">{online ? 'Online' : 'Offline'}</span>
      <span data-testid="pending-count" data-pending={pending}>
        {label}
      </span>
      {failed > 0 && (
        <span className="sync-failed" data-testid="failed-count" data-failed={failed}>
          {failed} failed
        </span>
      )}
    </div>
  );
}
