'use client';

import type { SyncJobStatus } from '@courtsync/protocol';
import { duration, percent, relativeTime } from './format';

/** Props of JobCards. */
export interface JobCardsProps {
  jobs: readonly SyncJobStatus[];
  /** Pause (false) or resume (true) a job's scheduled runs. */
  onSetActive: (job: string, active: boolean) => void;
}

/** One card per sync job: health, last and next run, counts, durations, pause/resume (F36). */
export function JobCards({ jobs, onSetActive }: JobCardsProps) {
  return (
    <div className="job-cards">
      {jobs.map((j) => (
        <article
          key={j.job}
          className={`job-card health-${j.health.toLowerCase()}`}
          data-testid={`job-card-${j.job}`}
          aria-label={`${j.job}: ${j.health}`}
        >
          <header>
            <h3>{j.job}</h3>
            <span className="health-badge" data-testid="job-health">
              {j.health}
            </span>
          </header>
          <p className="health-reason">{j.healthReason}</p>
          <dl>
            <dt>Last run</dt>
            <dd>
              {relativeTime(j.lastRunAt)}
              {j.lastOutcome ? ` · ${j.lastOutcome}` : ''}
              {j.running ? ' · running' : ''}
            </dd>
            <dt>Next run</dt>
            <dd>{j.active ? relativeTime(j.nextRunAt) : 'paused'}</dd>
            <dt>Success 24 h</dt>
            <dd>{percent(j.successRate24h)}</dd>
            <dt>Runs ok / failed</dt>
            <dd>
              {j.successCount} / {j.errorCount}
              {j.consecutiveFailures > 0 ? ` (${j.consecutiveFailures} in a row)` : ''}
            </dd>
            <dt>Duration last / avg</dt>
            <dd>
              {duration(j.lastDurationMs)} / {duration(j.avgDurationMs)}
            </dd>
            <dt>Records last / total</dt>
            <dd>
              {j.recordsLast} / {j.recordsTotal}
            </dd>
            {j.lastError ? (
              <>
                <dt>Last error</dt>
                <dd className="last-error">
                  {j.lastError} ({relativeTime(j.lastErrorAt)})
                </dd>
              </>
            ) : null}
          </dl>
          <button type="button" onClick={() => onSetActive(j.job, !j.active)}>
            {j.active ? 'Pause' : 'Resume'}
          </button>
        </article>
      ))}
    </div>
  );
}
