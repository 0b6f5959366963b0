import type { PriorityFigures } from '@courtsync/client';
import type { SyncMetrics } from '@courtsync/protocol';

/** Props of the Priority View tab. */
export interface PriorityViewTabProps {
  figures: PriorityFigures;
  threshold: number;
  /** Ops per level among the pending ones. */
  levels: { high: number; normal: number; low: number };
  /** Ops synced per minute on this device, last five minutes. */
  ratePerMinute: number;
  /** The server's aggregates of this device's flush reports (F24), when it answered. */
  server?: SyncMetrics;
}

function wait(ms?: number | null): string {
  if (ms === undefined || ms === null) return '—';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

function Figure({
  label,
  value,
  testId,
}: {
  label: string;
  value: string | number;
  testId: string;
}) {
  return (
    <div className="figure">
      <span className="figure-value" data-testid={testId}>
        {value}
      </span>
      <span className="figure-label">{label}</span>
    </div>
  );
}

/** The queue in numbers (F16): totals, high priority, average wait, sync rate. */
export function PriorityViewTab({
  figures,
  threshold,
  levels,
  ratePerMinute,
  server,
}: PriorityViewTabProps) {
  return (
    <div className="priority-view">
      <div className="figures">
        <Figure label="in the queue" value={figures.total} testId="figure-total" />
        <Figure
          label={`high priority (score ≥ ${threshold})`}
          value={figures.highPriority}
          testId="figure-high"
        />
        <Figure label="average wait" value={wait(figures.averageWaitMs)} testId="figure-wait" />
        <Figure label="synced per minute" value={ratePerMinute.toFixed(1)} testId="figure-rate" />
      </div>
      <p className="queue-line">
        {figures.pending} pending · {figures.failed} failed
      </p>
      <p className="queue-line" data-testid="figure-levels">
        HIGH {levels.high} · NORMAL {levels.normal} · LOW {levels.low}
      </p>
      <h2>Reported to the server (last hour)</h2>
      {server ? (
        <p className="queue-line" data-testid="server-metrics">
          {server.items} synced in {server.flushes} runs · {server.itemsPerMinute.toFixed(1)} per
          minute · success{' '}
          {server.successRate === null ? '—' : `${Math.round(server.successRate * 100)} %`} ·
          average wait {wait(server.averageWaitMs)}
        </p>
      ) : (
        <p className="queue-line muted">Not available offline.</p>
      )}
    </div>
  );
}
