'use client';

import { describeOp } from './describe-op';
import { useState } from 'react';
import type { OutboxEntry } from '@courtsync/client';

/** Props of the failed list. */
export interface FailedOpsPanelProps {
  /** The device's failed ops, newest first. */
  failed: readonly OutboxEntry[];
  /** Pending ops kept back behind a failed op of their match (order within a match). */
  held: number;
  teamA?: string;
  teamB?: string;
  onRetry(opId: string): void;
  onDiscard(opId: string): void;
  onClose(): void;
}

/**
 * The failed list (F12, F18): every op the server refused, with its reason, to retry or to
 * discard (after a confirmation). Nothing leaves this list by itself.
 */
export function FailedOpsPanel(props: FailedOpsPanelProps) {
  const [confirming, setConfirming] = useState<string>();
  return (
    <section className="failed-panel" aria-label="Failed actions" data-testid="failed-list">
      <header className="failed-panel-header">
        <h2>Not accepted by the server</h2>
        <button type="button" className="link-button" onClick={props.onClose}>
          Close
        </button>
      </header>
      {props.held > 0 && (
        <p className="failed-held" data-testid="held-count" data-held={props.held}>
          {props.held} later {props.held === 1 ? 'action waits' : 'actions wait'} behind these to
          keep the match in order.
        </p>
      )}
      {props.failed.length === 0 && <p>Nothing failed.</p>}
      <ul className="failed-items">
        {props.failed.map((entry) => (
          <li
            key={entry.opId}
            className="failed-item"
            data-testid="failed-item"
            data-op={entry.opId}
          >
            <div className="failed-what">
              <strong>{describeOp(entry, props.teamA, props.teamB)}</strong>
              <span className="failed-when">
                {new Date(entry.clientTime).toLocaleTimeString()} · {entry.matchId}
              </span>
            </div>
            <p className="failed-reason" data-testid="failed-reason">
              {entry.lastError?.code}: {entry.lastError?.message}
            </p>
            <p className="failed-when" data-testid="failed-attempts">
              Sent {entry.attempts} {entry.attempts === 1 ? 'time' : 'times'}
            </p>
            {confirming === entry.opId ? (
              <div className="failed-actions">
                <span>Discard this action for good?</span>
                <button
                  type="button"
                  className="danger-button"
                  data-testid="confirm-discard"
                  onClick={() => {
                    setConfirming(undefined);
                    props.onDiscard(entry.opId);
                  }}
                >
                  Discard
                </button>
                <button
                  type="button"
                  className="plain-button"
                  onClick={() => setConfirming(undefined)}
                >
                  Keep
                </button>
              </div>
            ) : (
              <div className="failed-actions">
                <button
                  type="button"
                  className="plain-button"
                  data-testid="retry-failed"
                  onClick={() => props.onRetry(entry.opId)}
                >
                  Retry
                </button>
                <button
                  type="button"
                  className="plain-button"
                  data-testid="discard-failed"
                  onClick={() => setConfirming(entry.opId)}
                >
                  Discard…
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
