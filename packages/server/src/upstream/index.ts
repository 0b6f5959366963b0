/** Upstream data sync (F25–F31): providers, jobs, runner with guards, scheduler. */
export { ERROR_CATEGORIES, SyncError, classifyError } from './errors';
export type { ErrorCategory } from './errors';
export type {
  ProviderName,
  ProviderTournament,
  ProviderMatch,
  ProviderResult,
  UpstreamProvider,
} from './provider';
export { VisAdapter } from './vis/vis-adapter';
export type { VisConfig } from './vis/vis-adapter';
export { PrestoAdapter } from './presto/presto-adapter';
export type { PrestoConfig } from './presto/presto-session';
export { CredentialGuard, MAX_AUTH_FAILURES, credentialFingerprint } from './credentials';
export { DEFAULT_RETRY_POLICY, backoffDelay } from './http/backoff';
export type { RetryPolicy } from './http/backoff';
export { JOB_NAMES } from './runner/job-types';
export type {
  JobName,
  SyncJob,
  RunTrigger,
  RunOutcome,
  RunSummary,
  SkipReason,
} from './runner/job-types';
export { JobRunner } from './runner/job-runner';
export type { RunnerEvents, JobRunnerOptions } from './runner/job-runner';
export { Scheduler } from './schedule/scheduler';
export { ManualClock, systemClock } from './schedule/clock';
export type { SchedulerClock } from './schedule/clock';
export { nextRunAfter, nextRuns, utcDay } from './schedule/cron';
export { createSyncJobs } from './jobs/registry';
export { createUpstreamSync } from './sync-service';
export type { UpstreamSync, UpstreamSyncOptions } from './sync-service';
export { upstreamConfigFromEnv } from './config';
export type { UpstreamConfig } from './config';
export { appUpstreamSync, startAppUpstreamSync, stopAppUpstreamSync } from './app-sync';
export { matchScheduleHistory } from './store/schedule-history';
export type { ScheduleChange } from './store/schedule-history';
