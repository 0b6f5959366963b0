import { fireEvent, render, screen } from '@testing-library/react';
import { SyncProgressIndicator, type SyncIndicatorData } from './sync-progress-indicator';

const base: SyncIndicatorData = {
  quality: 'good',
  pending: 0,
  failed: 0,
  flushing: false,
  done: 0,
  total: 0,
};

describe('SyncProgressIndicator', () => {
  it('minimal: a dot whose colour (status) and label follow the state', () => {
    const { rerender } = render(<SyncProgressIndicator variant="minimal" {...base} />);
    const dot = screen.getByTestId('sync-indicator-minimal');
    expect(dot).toHaveAttribute('data-status', 'synced');
    expect(dot).toHaveAccessibleName('All synced');
    rerender(<SyncProgressIndicator variant="minimal" {...base} pending={4} />);
    expect(dot).toHaveAttribute('data-status', 'pending');
    expect(dot).toHaveAccessibleName('Waiting to sync · 4 pending');
    rerender(<SyncProgressIndicator variant="minimal" {...base} pending={4} flushing />);
    expect(dot).toHaveAttribute('data-status', 'syncing');
    rerender(<SyncProgressIndicator variant="minimal" {...base} pending={4} failed={1} />);
    expect(dot).toHaveAttribute('data-status', 'error');
    rerender(<SyncProgressIndicator variant="minimal" {...base} quality="offline" pending={4} />);
    expect(dot).toHaveAttribute('data-status', 'offline');
    expect(dot).toHaveAccessibleName('Offline · 4 pending');
  });

  it('compact: the pending count, and a spinner only while syncing', () => {
    const { rerender } = render(<SyncProgressIndicator variant="compact" {...base} pending={13} />);
    expect(screen.getByTestId('indicator-pending')).toHaveTextContent('13 pending');
    expect(screen.queryByTestId('indicator-spinner')).not.toBeInTheDocument();
    rerender(<SyncProgressIndicator variant="compact" {...base} pending={13} flushing />);
    expect(screen.getByTestId('indicator-spinner')).toBeInTheDocument();
    rerender(<SyncProgressIndicator variant="compact" {...base} />);
    expect(screen.getByTestId('indicator-pending')).toHaveTextContent('Synced');
  });

  it('detailed: progress, items done / total, ETA, last sync, last error, held work, Sync now', () => {
    const clicks: number[] = [];
    const lastSuccessAt = Date.parse('2026-11-25T10:00:00Z');
    render(
      <SyncProgressIndicator
        variant="detailed"
        {...base}
        quality="poor"
        pending={30}
        failed={2}
        flushing
        done={10}
        total={40}
        etaMs={90_000}
        lastSuccessAt={lastSuccessAt}
        lastError="HTTP 503"
        heldBy="low-battery"
        onSyncNow={() => clicks.push(1)}
      />,
    );
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '10');
    expect(bar).toHaveAttribute('aria-valuemax', '40');
    expect(screen.getByTestId('indicator-progress')).toHaveTextContent(
      '10 / 40 synced · about 2 min left',
    );
    expect(screen.getByTestId('indicator-counts')).toHaveTextContent('30 pending · 2 failed');
    expect(screen.getByTestId('indicator-quality')).toHaveTextContent('poor');
    expect(screen.getByTestId('indicator-held')).toHaveTextContent('Battery low');
    expect(screen.getByTestId('indicator-last-sync')).toHaveTextContent(
      new Date(lastSuccessAt).toLocaleTimeString(),
    );
    expect(screen.getByTestId('indicator-error')).toHaveTextContent('Last error: HTTP 503');
    fireEvent.click(screen.getByTestId('sync-now'));
    expect(clicks).toEqual([1]);
  });

  it('detailed when idle: no progress bar, "not yet" before any sync', () => {
    render(<SyncProgressIndicator variant="detailed" {...base} />);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByTestId('indicator-last-sync')).toHaveTextContent('Last sync: not yet');
    expect(screen.queryByTestId('sync-now')).not.toBeInTheDocument();
  });
});
