/** Props of the sync badge. */
export interface SyncBadgeProps {
  pending: number;
  failed: number;
  online: boolean;
  /** Opens the failed list; without it the failed count is plain text. */
  onShowFailed?: () => void;
}

/** Pending and failed op counts with the connection state, always in view. */
export function SyncBadge({ pending, failed, online, onShowFailed }: SyncBadgeProps) {
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
      {failed > 0 &&
        (onShowFailed ? (
          <button
            type="button"
            className="sync-failed-button"
            data-testid="failed-count"
            data-failed={failed}
            onClick={onShowFailed}
          >
            {failed} failed
          </button>
        ) : (
          <span className="sync-failed" data-testid="failed-count" data-failed={failed}>
            {failed} failed
          </span>
        ))}
    </div>
  );
}
