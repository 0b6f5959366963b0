import { indicatorLabel, indicatorStatus, type SyncIndicatorData } from './sync-indicator-status';

/** The indicator's minimal variant (F15): a dot whose colour is the sync's status. */
export function SyncIndicatorDot(props: SyncIndicatorData) {
  const status = indicatorStatus(props);
  const label = indicatorLabel(props);
  return (
    <span
      className={`sync-indicator sync-minimal is-${status}`}
      data-testid="sync-indicator-minimal"
      data-status={status}
      role="img"
      aria-label={label}
      title={label}
    >
      <span className="sync-indicator-dot" aria-hidden />
    </span>
  );
}
