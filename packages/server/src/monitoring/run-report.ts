import type { RunOutcome, SyncErrorType } from '@courtsync/protocol';

/** One classified failure of a run (the runner classifies; F33). */
export interface RunFailure {
  type: SyncErrorType;
  message: string;
  /** The tournament it concerns, when the failure is one tournament's. */
  tournamentNo?: string | null;
  /** Request (method, url), response status, stack, provider … */
  context?: Record<string, unknown>;
}

/** What a finished run tells the monitoring (the runner's run-finished hook). */
export interface JobRunReport {
  job: string;
  /** The runner's execution row id, when it keeps one. */
  executionId?: string | null;
  trigger: 'scheduled' | 'manual' | 'retry';
  startedAt: Date;
  finishedAt: Date;
  outcome: RunOutcome;
  recordsProcessed: number;
  /** Calls (attempts) made to providers; each is also counted as it happens (metrics). */
  upstreamCalls?: number;
  errors: RunFailure[];
  /** When the scheduler will run this job next, if it knows. */
  nextRunAt?: Date | null;
}

/** Progress of a running job, for the manual trigger's progress bar. */
export interface RunProgress {
  /** 0–100. */
  percent: number;
  message?: string;
}

/**
 * The monitoring's side of the runner: the runner calls these around every run (scheduled,
 * retried or manual). Implemented by `SyncMonitor`; the runner depends only on this shape.
 */
export interface JobRunObserver {
  /** A run of `job` starts at `at`. */
  runStarted(job: string, at: Date, nextRunAt?: Date | null): Promise<void>;
  /** A run finished (successfully or not); never throws into the runner. */
  runFinished(report: JobRunReport): Promise<void>;
}

/** How the manual trigger asks the runner for one run (F37). */
export interface JobRunRequest {
  job: string;
  tournamentNo?: string | null;
  trigger: 'manual';
  onProgress?: (progress: RunProgress) => void;
}

/** The runner as the manual-trigger queue sees it. */
export interface ManualJobRunner {
  /** Names of the jobs it can run. */
  jobNames(): readonly string[];
  /** Runs one job now and resolves with its report (the observer hook has been called). */
  runNow(request: JobRunRequest): Promise<JobRunReport>;
}
