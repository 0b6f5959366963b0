import { fireEvent, render, screen } from '@testing-library/react';
import type { OutboxEntry } from '@courtsync/client';
import { FailedOpsPanel } from './failed-ops-panel';

const failed: OutboxEntry = {
  opId: '0b9e3c9e-6a5f-4b8e-9f43-2a1d8c7e5f10',
  clientId: '1b9e3c9e-6a5f-4b8e-9f43-2a1d8c7e5f10',
  seq: 4,
  matchId: 'demo-beach-1',
  type: 'rally',
  payload: { winner: 'B' },
  clientTime: '2026-11-25T10:00:00.000Z',
  status: 'failed',
  attempts: 1,
  lastError: { code: 'MATCH_FINISHED', message: 'Match is over' },
  priority: 'normal',
  ownScore: 75,
  score: 75,
  rank: -75,
  queuedAt: Date.parse('2026-11-25T10:00:00.000Z'),
};

function renderPanel() {
  const calls = { retry: [] as string[], discard: [] as string[] };
  render(
    <FailedOpsPanel
      failed={[failed]}
      held={2}
      teamA="Alpha"
      teamB="Bravo"
      onRetry={(id) => calls.retry.push(id)}
      onDiscard={(id) => calls.discard.push(id)}
      onClose={() => undefined}
    />,
  );
  return calls;
}

describe('FailedOpsPanel', () => {
  it('shows what failed, why, and what waits behind it', () => {
    renderPanel();
    expect(screen.getByText('Point Bravo')).toBeInTheDocument();
    expect(screen.getByTestId('failed-reason')).toHaveTextContent('MATCH_FINISHED: Match is over');
    expect(screen.getByTestId('held-count')).toHaveAttribute('data-held', '2');
    expect(screen.getByTestId('failed-attempts')).toHaveTextContent('Sent 1 time');
  });

  it('retries at once', () => {
    const calls = renderPanel();
    fireEvent.click(screen.getByTestId('retry-failed'));
    expect(calls.retry).toEqual([failed.opId]);
  });

  it('discards only after a confirmation, and can be kept instead', () => {
    const calls = renderPanel();
    fireEvent.click(screen.getByTestId('discard-failed'));
    expect(calls.discard).toEqual([]);
    fireEvent.click(screen.getByText('Keep'));
    expect(screen.queryByTestId('confirm-discard')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('discard-failed'));
    fireEvent.click(screen.getByTestId('confirm-discard'));
    expect(calls.discard).toEqual([failed.opId]);
  });
});
