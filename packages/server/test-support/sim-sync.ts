import { startUpstreamSim } from '@courtsync/upstream-sim';
import type { UpstreamSim } from '@courtsync/upstream-sim';
import type { Database } from '../src/db/types';
import { createLogger } from '../src/logger';
import type { NotifierConfig } from '../src/monitoring/notifier';
import { createMonitoringRuntime } from '../src/monitoring/runtime';
import type { MonitoringRuntime } from '../src/monitoring/runtime';
import { isJobActive } from '../src/monitoring/sync-status';
import { linkUpstreamSync } from '../src/monitoring/upstream-link';
import type { UpstreamLink } from '../src/monitoring/upstream-link';
import { ManualClock } from '../src/upstream/schedule/clock';
import { createUpstreamSync } from '../src/upstream/sync-service';
import type { UpstreamSync } from '../src/upstream/sync-service';

/** The real upstream sync against the simulator, monitored, on a manual clock. */
export interface SimSync {
  sim: UpstreamSim;
  clock: ManualClock;
  sync: UpstreamSync;
  monitoring: MonitoringRuntime;
  link: UpstreamLink;
  /** Stops everything (sync, retries, notifications, simulator). */
  close(): Promise<void>;
}

/**
 * Starts the simulator, the VIS sync jobs over `db` (one attempt per call: the tests count
 * runs, not HTTP retries) and the monitoring linked to them, all on one manual clock that
 * starts now (the simulated season is anchored at real now). The scheduler is not started.
 */
export async function startSimSync(
  db: Database,
  options: { notifier?: NotifierConfig; retryDelaysMs?: readonly number[] } = {},
): Promise<SimSync> {
  const sim = await startUpstreamSim({ season: { tournaments: 3, matchesPerTournament: 4 } });
  const clock = new ManualClock(new Date());
  const log = createLogger({ level: 'silent' });
  const sync = createUpstreamSync(db, {
    vis: { url: sim.visUrl, credentials: { username: 'courtsync', password: 'vis-secret' } },
    retryPolicy: { attempts: 1, timeoutMs: 5000, baseDelayMs: 10, maxDelayMs: 100 },
    clock,
    catchUp: false,
    gate: (job) => isJobActive(db, job),
  });
  const monitoring = createMonitoringRuntime({
    getDb: async () => db,
    log,
    now: () => clock.now(),
    notifier: options.notifier ?? {},
    memoryMb: () => 100,
  });
  const link = linkUpstreamSync(monitoring, sync, {
    getDb: async () => db,
    log,
    clock,
    retryDelaysMs: options.retryDelaysMs,
  });
  return {
    sim,
    clock,
    sync,
    monitoring,
    link,
    async close() {
      link.unlink();
      await sync.stop(5000);
      await monitoring.queue.idle();
      await monitoring.monitor.stop();
      await sim.close();
    },
  };
}

/** Polls `check` (real time) until it holds; throws after `timeoutMs`. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
