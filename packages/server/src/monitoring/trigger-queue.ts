import type { Database } from '../db/types';
import type { Logger } from '../logger';
import { claimNextTrigger, finishTrigger, setTriggerProgress } from './manual-trigger';
import type { ManualJobRunner } from './run-report';

/**
 * Drains the manual-trigger queue one run at a time (F37): EMERGENCY before NORMAL, each run
 * through the job runner, progress and outcome written to the trigger's row. Call `kick()`
 * after enqueueing; a second kick while draining is folded into the running drain.
 */
export class TriggerQueue {
  private draining: Promise<void> | null = null;
  private again = false;

  /** Builds the queue over a database, a runner and a clock. */
  constructor(
    private readonly getDb: () => Promise<Database>,
    private readonly runner: () => ManualJobRunner | null,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts draining if idle; resolves when the queue is empty (or no runner is attached). */
  kick(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** Resolves when the current drain (if any) is over. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    const runner = this.runner();
    if (!runner) return;
    const db = await this.getDb();
    do {
      this.again = false;
      for (;;) {
        const trigger = await claimNextTrigger(db, this.now());
        if (!trigger) break;
        await this.runOne(db, runner, trigger.id, trigger.job, trigger.tournamentNo);
      }
    } while (this.again);
  }

  private async runOne(
    db: Database,
    runner: ManualJobRunner,
    id: string,
    job: string,
    tournamentNo: string | null,
  ): Promise<void> {
    let writes = Promise.resolve();
    try {
      if (!runner.jobNames().includes(job)) throw new Error(`Unknown job "${job}"`);
      const report = await runner.runNow({
        job,
        tournamentNo,
        trigger: 'manual',
        // Progress writes are chained so they land in order and never after the final one.
        onProgress: (p) => {
          writes = writes.then(() =>
            setTriggerProgress(db, id, p.percent, p.message ?? null).catch(() => undefined),
          );
        },
      });
      await writes;
      await finishTrigger(db, id, {
        at: this.now(),
        outcome: report.outcome,
        recordsProcessed: report.recordsProcessed,
        executionId: report.executionId ?? null,
        error: report.errors[0]?.message ?? null,
      });
    } catch (error) {
      await writes;
      this.log.error('manual sync failed', { triggerId: id, job, error });
      await finishTrigger(db, id, {
        at: this.now(),
        outcome: 'FAILED',
        recordsProcessed: 0,
        executionId: null,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
