import { describeOp } from './describe-op';
import type { PriorityLevel, QueueItem, QueueView } from '@courtsync/client';

/** Props of the Sync Queue tab. */
export interface SyncQueueTabProps {
  view: QueueView;
  /** Sends after which an op is shown as "keeps failing" (settings). */
  maxRetryAttempts: number;
  onRetry(opId: string): void;
  onDiscard(opId: string): void;
  /** Moves one op, or every queued op of a match, a priority level up or down. */
  onMove(target: { opId: string } | { matchId: string }, direction: 'up' | 'down'): void;
}

const LEVEL: Record<PriorityLevel, string> = { high: 'HIGH', normal: 'NORMAL', low: 'LOW' };

/** What an op did, in the scorekeeper's words. */
function describe(item: QueueItem, teamA: string, teamB: string): string {
  return describeOp(item, teamA, teamB);
}

function statusOf(item: QueueItem): string {
  if (item.status === 'failed') return 'failed';
  return item.held ? 'held' : 'pending';
}

/**
 * Every op of the queue (F16) in the order it will be sent, with its match, type, status,
 * priority, attempts and last error; failed ops can be retried or discarded, ops and whole
 * matches moved a priority up or down.
 */
export function SyncQueueTab({
  view,
  maxRetryAttempts,
  onRetry,
  onDiscard,
  onMove,
}: SyncQueueTabProps) {
  const name = (matchId: string) => {
    const m = view.matches[matchId];
    return m ? `${m.teamA} vs ${m.teamB}` : matchId;
  };
  const counts = new Map<string, number>();
  for (const item of view.items) counts.set(item.matchId, (counts.get(item.matchId) ?? 0) + 1);
  if (view.items.length === 0)
    return <p data-testid="queue-empty">Nothing is waiting: every action is synced.</p>;
  return (
    <div className="queue-tab">
      <h2>Matches</h2>
      <ul className="queue-matches">
        {[...counts].map(([matchId, n]) => (
          <li key={matchId} className="queue-match" data-testid="queue-match" data-match={matchId}>
            <span className="queue-match-name">
              {name(matchId)} <span className="muted">· {n}</span>
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Raise ${name(matchId)}`}
              data-testid={`match-up-${matchId}`}
              onClick={() => onMove({ matchId }, 'up')}
            >
              ▲
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Lower ${name(matchId)}`}
              data-testid={`match-down-${matchId}`}
              onClick={() => onMove({ matchId }, 'down')}
            >
              ▼
            </button>
          </li>
        ))}
      </ul>
      <h2>Actions, in sending order</h2>
      <ol className="queue-items">
        {view.items.map((item) => {
          const m = view.matches[item.matchId];
          const status = statusOf(item);
          return (
            <li
              key={item.opId}
              className={`queue-item is-${status}`}
              data-testid="queue-item"
              data-op={item.opId}
              data-match={item.matchId}
              data-status={status}
              data-priority={item.priority}
              data-score={item.score}
            >
              <div className="queue-item-head">
                <strong>
                  {item.position ? `${item.position}. ` : ''}
                  {describe(item, m?.teamA ?? 'A', m?.teamB ?? 'B')}
                </strong>
                <span className={`chip chip-${status}`}>{status}</span>
              </div>
              <p className="queue-line muted">
                {name(item.matchId)} · {item.type}
              </p>
              <p className="queue-line">
                <span className={`chip level-${item.priority}`}>{LEVEL[item.priority]}</span> score{' '}
                {item.score}
                {item.score !== item.ownScore && (
                  <span className="muted"> (own {item.ownScore})</span>
                )}{' '}
                ·{' '}
                <span data-testid="queue-attempts">
                  {item.attempts} {item.attempts === 1 ? 'attempt' : 'attempts'}
                </span>
                {item.attempts >= maxRetryAttempts && (
                  <strong className="sync-error"> · keeps failing</strong>
                )}
              </p>
              {item.lastError && (
                <p className="queue-line sync-error" data-testid="queue-error">
                  {item.lastError.code}: {item.lastError.message}
                </p>
              )}
              <div className="queue-actions">
                {item.status === 'failed' && (
                  <>
                    <button
                      type="button"
                      className="plain-button"
                      data-testid="queue-retry"
                      onClick={() => onRetry(item.opId)}
                    >
                      Retry
                    </button>
                    <button
                      type="button"
                      className="plain-button"
                      data-testid="queue-discard"
                      onClick={() => onDiscard(item.opId)}
                    >
                      Discard
                    </button>
                  </>
                )}
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Move up a priority"
                  data-testid="queue-up"
                  onClick={() => onMove({ opId: item.opId }, 'up')}
                >
                  ▲
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Move down a priority"
                  data-testid="queue-down"
                  onClick={() => onMove({ opId: item.opId }, 'down')}
                >
                  ▼
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
