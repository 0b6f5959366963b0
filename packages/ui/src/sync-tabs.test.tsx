import { fireEvent, render, screen, within } from '@testing-library/react';
import {
  DEFAULT_RULES,
  type PriorityRule,
  type QueueItem,
  type QueueView,
} from '@courtsync/client';
import { PriorityRulesTab } from './priority-rules-tab';
import { PriorityViewTab } from './priority-view-tab';
import { SyncQueueTab } from './sync-queue-tab';

const item = (over: Partial<QueueItem>): QueueItem =>
  ({
    opId: `00000000-0000-4000-8000-00000000000${over.seq ?? 1}`,
    clientId: '10000000-0000-4000-8000-000000000000',
    seq: 1,
    matchId: 'm1',
    type: 'rally',
    payload: { winner: 'A' },
    clientTime: '2026-11-25T10:00:00.000Z',
    status: 'pending',
    attempts: 0,
    priority: 'normal',
    ownScore: 75,
    score: 75,
    rank: -75,
    queuedAt: 0,
    held: false,
    ...over,
  }) as QueueItem;

const view: QueueView = {
  items: [
    item({ seq: 2, matchId: 'm2', priority: 'high', score: 125, ownScore: 125, position: 1 }),
    item({
      seq: 1,
      matchId: 'm1',
      position: 2,
      attempts: 6,
      lastError: { code: 'RETRY', message: 'HTTP 503' },
    }),
    item({
      seq: 3,
      matchId: 'm1',
      type: 'undo',
      payload: { target: '00000000-0000-4000-8000-000000000001' },
      status: 'failed',
      attempts: 1,
      lastError: { code: 'NOTHING_TO_UNDO', message: 'nothing' },
    }),
  ],
  matches: {
    m1: { id: 'm1', teamA: 'Alpha', teamB: 'Bravo', court: '1' },
    m2: { id: 'm2', teamA: 'Lions', teamB: 'Hawks', court: '2' },
  },
};

describe('SyncQueueTab', () => {
  it('lists every op in send order with match, type, status, priority, attempts and error', () => {
    render(
      <SyncQueueTab
        view={view}
        maxRetryAttempts={5}
        onRetry={jest.fn()}
        onDiscard={jest.fn()}
        onMove={jest.fn()}
      />,
    );
    const rows = screen.getAllByTestId('queue-item');
    expect(rows.map((r) => r.getAttribute('data-match'))).toEqual(['m2', 'm1', 'm1']);
    expect(rows[0]).toHaveTextContent('1. Point Lions');
    expect(rows[0]).toHaveTextContent('Lions vs Hawks · rally');
    expect(rows[0]).toHaveAttribute('data-priority', 'high');
    expect(rows[0]).toHaveTextContent('HIGH score 125');
    expect(rows[1]).toHaveTextContent('6 attempts · keeps failing');
    expect(within(rows[1]!).getByTestId('queue-error')).toHaveTextContent('RETRY: HTTP 503');
    expect(rows[2]).toHaveAttribute('data-status', 'failed');
    expect(rows[2]).toHaveTextContent('Undo');
    expect(within(rows[0]!).queryByTestId('queue-retry')).not.toBeInTheDocument();
  });

  it('retries and discards failed ops; moves ops and whole matches', () => {
    const onRetry = jest.fn();
    const onDiscard = jest.fn();
    const onMove = jest.fn();
    render(
      <SyncQueueTab
        view={view}
        maxRetryAttempts={5}
        onRetry={onRetry}
        onDiscard={onDiscard}
        onMove={onMove}
      />,
    );
    const failed = screen.getAllByTestId('queue-item')[2]!;
    fireEvent.click(within(failed).getByTestId('queue-retry'));
    fireEvent.click(within(failed).getByTestId('queue-discard'));
    expect(onRetry).toHaveBeenCalledWith(view.items[2]!.opId);
    expect(onDiscard).toHaveBeenCalledWith(view.items[2]!.opId);
    fireEvent.click(within(screen.getAllByTestId('queue-item')[1]!).getByTestId('queue-up'));
    expect(onMove).toHaveBeenLastCalledWith({ opId: view.items[1]!.opId }, 'up');
    fireEvent.click(screen.getByTestId('match-down-m2'));
    expect(onMove).toHaveBeenLastCalledWith({ matchId: 'm2' }, 'down');
  });

  it('says when nothing waits', () => {
    render(
      <SyncQueueTab
        view={{ items: [], matches: {} }}
        maxRetryAttempts={5}
        onRetry={jest.fn()}
        onDiscard={jest.fn()}
        onMove={jest.fn()}
      />,
    );
    expect(screen.getByTestId('queue-empty')).toBeInTheDocument();
  });
});

describe('PriorityViewTab', () => {
  it('shows totals, high priority, average wait, sync rate and the server metrics', () => {
    render(
      <PriorityViewTab
        figures={{ total: 12, pending: 10, failed: 2, highPriority: 4, averageWaitMs: 90_000 }}
        threshold={100}
        levels={{ high: 4, normal: 5, low: 1 }}
        ratePerMinute={7.5}
        server={{
          clientId: '10000000-0000-4000-8000-000000000000',
          windowMinutes: 60,
          flushes: 3,
          items: 40,
          bytes: 1000,
          failures: 10,
          itemsPerMinute: 0.67,
          flushItemsPerMinute: 1200,
          successRate: 0.8,
          averageWaitMs: 3000,
          lastReportAt: null,
        }}
      />,
    );
    expect(screen.getByTestId('figure-total')).toHaveTextContent('12');
    expect(screen.getByTestId('figure-high')).toHaveTextContent('4');
    expect(screen.getByTestId('figure-wait')).toHaveTextContent('2 min');
    expect(screen.getByTestId('figure-rate')).toHaveTextContent('7.5');
    expect(screen.getByTestId('figure-levels')).toHaveTextContent('HIGH 4 · NORMAL 5 · LOW 1');
    expect(screen.getByTestId('server-metrics')).toHaveTextContent('success 80 %');
  });

  it('without server metrics (offline) says so; no wait without pending ops', () => {
    render(
      <PriorityViewTab
        figures={{ total: 0, pending: 0, failed: 0, highPriority: 0 }}
        threshold={100}
        levels={{ high: 0, normal: 0, low: 0 }}
        ratePerMinute={0}
      />,
    );
    expect(screen.getByTestId('figure-wait')).toHaveTextContent('—');
    expect(screen.getByText('Not available offline.')).toBeInTheDocument();
  });
});

describe('PriorityRulesTab', () => {
  const matches = [
    { id: 'm1', label: 'Alpha vs Bravo' },
    { id: 'm2', label: 'Lions vs Hawks' },
  ];
  function renderTab(rules: readonly PriorityRule[] = DEFAULT_RULES) {
    const calls = { save: [] as PriorityRule[], toggle: [] as unknown[], del: [] as string[] };
    render(
      <PriorityRulesTab
        rules={rules}
        matches={matches}
        newId={() => 'rule-new'}
        onSave={(r) => calls.save.push(r)}
        onToggle={(id, on) => calls.toggle.push([id, on])}
        onDelete={(id) => calls.del.push(id)}
      />,
    );
    return calls;
  }

  it('lists the rules with their conditions and points; disables and deletes (after a confirmation)', () => {
    const calls = renderTab();
    const rules = screen.getAllByTestId('rule');
    expect(rules).toHaveLength(3);
    expect(rules[0]).toHaveTextContent('Live match');
    expect(rules[0]).toHaveTextContent('When match is live');
    expect(within(rules[0]!).getByTestId('rule-points-shown')).toHaveTextContent('+25');
    fireEvent.click(within(rules[1]!).getByTestId('rule-enabled'));
    expect(calls.toggle).toEqual([['default-coverage', false]]);
    fireEvent.click(within(rules[2]!).getByTestId('rule-delete'));
    expect(calls.del).toEqual([]);
    fireEvent.click(within(rules[2]!).getByTestId('rule-confirm-delete'));
    expect(calls.del).toEqual(['default-waiting']);
  });

  it('creates a rule: name, a "match is" condition, points; refuses an incomplete one', () => {
    const calls = renderTab();
    fireEvent.click(screen.getByTestId('rule-new'));
    expect(screen.getByTestId('rule-save')).toBeDisabled();
    expect(screen.getByTestId('rule-problems')).toHaveTextContent('Give the rule a name');
    fireEvent.change(screen.getByTestId('rule-name'), { target: { value: 'Court 2 first' } });
    fireEvent.change(screen.getByTestId('condition-kind'), { target: { value: 'match' } });
    fireEvent.change(screen.getByTestId('condition-match'), { target: { value: 'm2' } });
    fireEvent.change(screen.getByTestId('rule-points'), { target: { value: '60' } });
    fireEvent.click(screen.getByTestId('rule-save'));
    expect(calls.save).toEqual([
      {
        id: 'rule-new',
        name: 'Court 2 first',
        enabled: true,
        conditions: [{ kind: 'match', matchId: 'm2' }],
        points: 60,
      },
    ]);
    expect(screen.queryByTestId('rule-editor')).not.toBeInTheDocument();
  });

  it('edits an existing rule', () => {
    const calls = renderTab();
    fireEvent.click(within(screen.getAllByTestId('rule')[0]!).getByTestId('rule-edit'));
    fireEvent.change(screen.getByTestId('rule-points'), { target: { value: '40' } });
    fireEvent.click(screen.getByTestId('rule-save'));
    expect(calls.save).toEqual([{ ...DEFAULT_RULES[0], points: 40 }]);
  });
});
