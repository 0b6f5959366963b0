import { render, screen } from '@testing-library/react';
import { replay } from '@courtsync/scoring';
import { Scoreboard } from './scoreboard';
import { SyncBadge } from './sync-badge';

const rallies = (winners: string) =>
  [...winners].map((w) => ({ type: 'rally', winner: w as 'A' | 'B' }) as const);

describe('Scoreboard', () => {
  it('shows the current set, every set and who serves', () => {
    const state = replay('beach', [...rallies('A'.repeat(21)), ...rallies('BBA')]);
    render(<Scoreboard state={state} teamA="Alpha" teamB="Bravo" />);
    expect(screen.getByTestId('score-a')).toHaveTextContent('1');
    expect(screen.getByTestId('score-b')).toHaveTextContent('2');
    expect(screen.getByTestId('set-1')).toHaveTextContent('21-0');
    expect(screen.getByTestId('set-2')).toHaveTextContent('1-2');
    expect(screen.getByTestId('match-status')).toHaveTextContent('Set 2 · sets 1-0');
    expect(screen.getByLabelText('serving').parentElement).toHaveTextContent('Alpha');
  });

  it('names the winner once the match is over', () => {
    const state = replay('beach', rallies('A'.repeat(42)));
    render(<Scoreboard state={state} teamA="Alpha" teamB="Bravo" />);
    expect(screen.getByTestId('match-status')).toHaveTextContent('Alpha won 2-0');
    expect(screen.queryByLabelText('serving')).toBeNull();
  });
});

describe('SyncBadge', () => {
  it('shows pending and failed counts and the connection', () => {
    const { rerender } = render(<SyncBadge pending={0} failed={0} online />);
    expect(screen.getByTestId('pending-count')).toHaveTextContent('All synced');
    expect(screen.queryByTestId('failed-count')).toBeNull();
    rerender(<SyncBadge pending={4} failed={1} online={false} />);
    expect(screen.getByTestId('pending-count')).toHaveTextContent('4 pending');
    expect(screen.getByTestId('failed-count')).toHaveTextContent('1 failed');
    expect(screen.getByTestId('connection')).toHaveTextContent('Offline');
  });
});
