import type { Database } from '../db/types';
import type { Logger } from '../logger';
import { executionHistory } from './execution-history';
import { SyncMonitor } from './monitor';
import { notifierConfigFromEnv } from './notifier';
import type { NotifierConfig } from './notifier';
import type { RunHistorySource } from './run-history';
import type { ManualJobRunner } from './run-report';
import { TriggerQueue } from './trigger-queue';

/** The jobs of issue #12's runner, shown on the dashboard before a runner is attached. */
export const DEFAULT_JOBS: readonly string[] = [
  'tournaments',
  'schedules',
  'live-results',
  'presto-full',
  'presto-live',
];

/** The monitoring of one server: its monitor, the manual-trigger queue and the runner. */
export interface MonitoringRuntime {
  monitor: SyncMonitor;
  queue: TriggerQueue;
  /** Attaches the job runner (manual runs, job names, scheduler state). */
  attachRunner(runner: MonitoredRunner): void;
  /** The attached runner, if any. */
  runner(): MonitoredRunner | null;
}

/** The runner as the monitoring drives it: manual runs plus whether its scheduler is on. */
export interface MonitoredRunner extends ManualJobRunner {
  schedulerRunning(): boolean;
}

/** What a runtime is built from (tests pass a clock, a webhook, their database). */
export interface MonitoringRuntimeOptions {
  getDb: () => Promise<Database>;
  log: Logger;
  now?: () => Date;
  notifier?: NotifierConfig;
  history?: RunHistorySource;
  memoryMb?: () => number;
}

/** Builds the monitoring of one server. */
export function createMonitoringRuntime(options: MonitoringRuntimeOptions): MonitoringRuntime {
  let runner: MonitoredRunner | null = null;
  const monitor = new SyncMonitor({
    getDb: options.getDb,
    history: options.history ?? executionHistory,
    jobs: () => runner?.jobNames() ?? DEFAULT_JOBS,
    log: options.log,
    notifier: options.notifier ?? notifierConfigFromEnv(),
    now: options.now,
    memoryMb: options.memoryMb,
    schedulerRunning: () => runner?.schedulerRunning() ?? false,
  });
  const queue = new TriggerQueue(options.getDb, () => runner, options.log, monitor.now);
  return {
    monitor,
    queue,
    attachRunner(r) {
      runner = r;
      // Triggers queued before the runner was there (or by a stopped instance) run now.
      void queue.kick();
    },
    runner: () => runner,
  };
}

const KEY = Symbol.for('courtsync.server.monitoring');

/**
 * The app's monitoring runtime, created on first use over `getDb` (on globalThis: Next loads
 * server code twice, and both copies must share one monitor and one queue).
 */
export function appMonitoring(getDb: () => Promise<Database>, log: Logger): MonitoringRuntime {
  const holder = globalThis as typeof globalThis & { [KEY]?: MonitoringRuntime };
  return (holder[KEY] ??= createMonitoringRuntime({ getDb, log }));
}
