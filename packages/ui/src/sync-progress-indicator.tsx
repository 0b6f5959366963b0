import { SyncIndicatorDot } from './sync-indicator-dot';
import {
  indicatorLabel,
  indicatorStatus,
  statusWord,
  type SyncIndicatorData,
} from './sync-indicator-status';

export {
  indicatorStatus,
  type SyncIndicatorData,
  type SyncIndicatorStatus,
} from './sync-indicator-status';

/** Why automatic sync holds work back, in the user's words. */
const HELD: Record<string, string> = {
  disabled: 'Automatic sync is off',
  paused: 'Sync is paused',
  'low-battery': 'Battery low: only urgent actions sync',
  'not-charging': 'Not charging: only urgent actions sync',
};

/** Props of the indicator. */
export interface SyncProgressIndicatorProps extends SyncIndicatorData {
  variant: 'minimal' | 'compact' | 'detailed';
  onSyncNow?: () => void;
}

/** "3 min", "40 s" */
function duration(ms: number): string {
  return ms >= 60_000
    ? `${Math.round(ms / 60_000)} min`
    : `${Math.max(1, Math.round(ms / 1000))} s`;
}

/**
 * The sync's state (F15) in three sizes: `minimal`, a coloured dot for the nav bar; `compact`,
 * the pending count and a spinner; `detailed`, a progress bar with items done / total, ETA,
 * last successful sync and last error.
 */
export function SyncProgressIndicator(props: SyncProgressIndicatorProps) {
  if (props.variant === 'minimal') return <SyncIndicatorDot {...props} />;
  const status = indicatorStatus(props);
  const label = indicatorLabel(props);
  const common = {
    className: `sync-indicator sync-${props.variant} is-${status}`,
    'data-testid': `sync-indicator-${props.variant}`,
    'data-status': status,
  };
  const dot = <span className="sync-indicator-dot" aria-hidden />;
  if (props.variant === 'compact') {
    return (
      <span {...common} role="status" aria-label={label}>
        {dot}
        <span data-testid="indicator-pending">
          {props.pending === 0 ? 'Synced' : `${props.pending} pending`}
        </span>
        {props.flushing && (
          <span className="sync-spinner" data-testid="indicator-spinner" aria-hidden />
        )}
      </span>
    );
  }
  const percent = props.total > 0 ? Math.min(100, Math.round((props.done / props.total) * 100)) : 0;
  return (
    <section {...common} aria-label="Sync progress">
      <div className="sync-detailed-head">
        {dot}
        <strong>{statusWord(status)}</strong>
        {status !== 'offline' && (
          <span className="sync-quality" data-testid="indicator-quality">
            {props.quality}
          </span>
        )}
        {props.onSyncNow && (
          <button
            type="button"
            className="plain-button sync-now"
            data-testid="sync-now"
            onClick={props.onSyncNow}
          >
            Sync now
          </button>
        )}
      </div>
      {props.flushing && (
        <>
          <div
            className="sync-progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={props.total}
            aria-valuenow={props.done}
          >
            <div className="sync-progress-bar" style={{ width: `${percent}%` }} />
          </div>
          <p className="sync-line" data-testid="indicator-progress">
            {props.done} / {props.total} synced
            {props.etaMs !== undefined && ` · about ${duration(props.etaMs)} left`}
          </p>
        </>
      )}
      <p className="sync-line" data-testid="indicator-counts">
        {props.pending} pending · {props.failed} failed
      </p>
      {props.heldBy && (
        <p className="sync-line sync-held" data-testid="indicator-held">
          {HELD[props.heldBy]}
        </p>
      )}
      <p className="sync-line" data-testid="indicator-last-sync">
        Last sync:{' '}
        {props.lastSuccessAt ? new Date(props.lastSuccessAt).toLocaleTimeString() : 'not yet'}
      </p>
      {props.lastError && (
        <p className="sync-line sync-error" data-testid="indicator-error">
          Last error: {props.lastError}
        </p>
      )}
    </section>
  );
}
