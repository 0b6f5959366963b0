import { fireEvent, render, screen } from '@testing-library/react';
import { replayFull, type ScoringEvent } from '@courtsync/scoring';
import { DuePrompts, duePrompts } from './due-prompts';

const points = (winners: string): ScoringEvent[] =>
  [...winners].map((w) => ({ type: 'rally', winner: w as 'A' | 'B' }));

describe('DuePrompts', () => {
  it('beach: side switch every 7 points, technical timeout at 21, set over at 0-0', () => {
    const kinds = (events: ScoringEvent[]) =>
      duePrompts(replayFull('beach', events), 'Alpha', 'Bravo').map((p) => p.kind);
    expect(kinds(points('AAAABBA'))).toEqual(['side-switch']);
    expect(kinds(points('AAAABBAB'))).toEqual([]);
    expect(kinds(points('AAAAAAAAAABBBBBBBBBBA'))).toEqual(['technical-timeout', 'side-switch']);
    expect(kinds(points('A'.repeat(21)))).toEqual(['set-over']);
    expect(kinds(points('A'.repeat(42)))).toEqual([]);
  });

  it('shows the prompts with the score, as an alert, until each is confirmed', () => {
    const state = replayFull('beach', points('AAAAAAAAAABBBBBBBBBBA'));
    const { rerender } = render(<DuePrompts state={state} teamA="Alpha" teamB="Bravo" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Technical timeout · 11-10');
    expect(screen.getByTestId('prompt-side-switch')).toHaveTextContent('Switch sides · 11-10');
    fireEvent.click(screen.getByTestId('prompt-done-technical-timeout'));
    expect(screen.queryByTestId('prompt-technical-timeout')).toBeNull();
    expect(screen.getByTestId('prompt-side-switch')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('prompt-done-side-switch'));
    expect(screen.queryByRole('alert')).toBeNull();
    // The next occurrence (another score) is a new prompt.
    rerender(
      <DuePrompts
        state={replayFull('beach', points('AAAAAAAAAABBBBBBBBBBABBBBBBB'))}
        teamA="Alpha"
        teamB="Bravo"
      />,
    );
    expect(screen.getByTestId('prompt-side-switch')).toHaveTextContent('11-17');
  });
});
