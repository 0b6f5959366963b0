import type { AlertRule, AlertRuleUpdate, Severity } from '@courtsync/protocol';
import { asc, eq } from 'drizzle-orm';
import { alertRules } from '../db/schema';
import type { Database, Transaction } from '../db/types';

type Db = Database | Transaction;
type Row = typeof alertRules.$inferSelect;

/** What the engine knows when it evaluates the rules. */
export interface AlertInputs {
  /** Per job: failed runs in a row, last duration, running time of a run in progress. */
  jobs: readonly {
    job: string;
    consecutiveFailures: number;
    lastDurationMs: number | null;
    /** Milliseconds a run has been going, when one is running. */
    runningForMs: number | null;
  }[];
  /** Success rate in percent per job and `null` (= all jobs) for a window; null = no runs. */
  successRate: (job: string | null, windowMinutes: number) => Promise<number | null>;
  memoryMb: number;
}

/** One subject of a rule with its current value and whether the rule fires. */
export interface RuleReading {
  subject: string;
  value: number | null;
  firing: boolean;
}

function compare(rule: Row, value: number): boolean {
  switch (rule.comparator) {
    case 'gte':
      return value >= rule.threshold;
    case 'gt':
      return value > rule.threshold;
    case 'lte':
      return value <= rule.threshold;
    case 'lt':
      return value < rule.threshold;
  }
}

const reading = (rule: Row, subject: string, value: number | null): RuleReading => ({
  subject,
  value,
  firing: value !== null && compare(rule, value),
});

/**
 * Reads a rule against the inputs: one reading per subject (a job, `overall` or `process`).
 * A rule with no job applies to every job, except the success rate, which is then overall.
 * A subject without data (no runs in the window) never fires, and resolves an open alert.
 */
export async function readRule(rule: Row, inputs: AlertInputs): Promise<RuleReading[]> {
  const jobs = inputs.jobs.filter((j) => rule.job === null || j.job === rule.job);
  switch (rule.metric) {
    case 'consecutive_failures':
      return jobs.map((j) => reading(rule, j.job, j.consecutiveFailures));
    case 'duration_seconds':
      // A run still going past the limit counts too: a hung job must not hide.
      return jobs.map((j) => {
        const ms = Math.max(j.lastDurationMs ?? -1, j.runningForMs ?? -1);
        return reading(rule, j.job, ms < 0 ? null : ms / 1000);
      });
    case 'success_rate': {
      const window = rule.windowMinutes ?? 1440;
      const subject = rule.job ?? 'overall';
      return [reading(rule, subject, await inputs.successRate(rule.job, window))];
    }
    case 'memory_mb':
      return [reading(rule, 'process', inputs.memoryMb)];
  }
}

/** Every rule, by id. */
export function listRules(db: Db): Promise<Row[]> {
  return db.select().from(alertRules).orderBy(asc(alertRules.id));
}

/** Changes an admin-editable part of a rule; null for an unknown rule. */
export async function updateRule(
  db: Db,
  id: string,
  update: AlertRuleUpdate,
  by: string,
  at: Date,
): Promise<Row | null> {
  const [row] = await db
    .update(alertRules)
    .set({ ...update, updatedAt: at, updatedBy: by })
    .where(eq(alertRules.id, id))
    .returning();
  return row ?? null;
}

/** The wire shape of a rule. */
export function toAlertRule(row: Row): AlertRule {
  return {
    id: row.id,
    name: row.name,
    job: row.job,
    metric: row.metric,
    comparator: row.comparator,
    threshold: row.threshold,
    windowMinutes: row.windowMinutes,
    severity: row.severity,
    escalateAfterMinutes: row.escalateAfterMinutes,
    channels: row.channels,
    enabled: row.enabled,
  };
}

const LEVELS: readonly Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** One severity level up (CRITICAL stays CRITICAL): what an unacknowledged alert escalates to. */
export function escalated(severity: Severity): Severity {
  return LEVELS[Math.min(LEVELS.length - 1, LEVELS.indexOf(severity) + 1)] ?? 'CRITICAL';
}
