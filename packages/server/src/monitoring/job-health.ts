import type { Alert, HealthLevel } from '@courtsync/protocol';
import type { syncStatus } from '../db/schema';

type StatusRow = typeof syncStatus.$inferSelect;

/** A scheduled run this late (past its next-run time) makes the job WARNING. */
export const OVERDUE_MS = 5 * 60_000;

const RANK: Record<HealthLevel, number> = { HEALTHY: 0, WARNING: 1, CRITICAL: 2 };

/** The worse of health levels (HEALTHY for none). */
export function worst(levels: readonly HealthLevel[]): HealthLevel {
  return levels.reduce<HealthLevel>((a, b) => (RANK[b] > RANK[a] ? b : a), 'HEALTHY');
}

/** What an unresolved alert does to its subject's health: HIGH/CRITICAL critical, else warning. */
export function alertLevel(alert: Alert): HealthLevel {
  return alert.severity === 'HIGH' || alert.severity === 'CRITICAL' ? 'CRITICAL' : 'WARNING';
}

/**
 * A job's health (F36) with the reason a person reads on its card:
 * CRITICAL — a HIGH/CRITICAL alert about it is open, or 3+ runs failed in a row;
 * WARNING — its last run failed or was partial, a lesser alert is open, it is paused, or a
 * scheduled run is overdue; HEALTHY otherwise (also before its first run).
 */
export function jobHealth(
  row: StatusRow,
  alerts: readonly Alert[],
  now: Date,
): { health: HealthLevel; reason: string } {
  const own = alerts.filter((a) => a.subject === row.job);
  const critical = own.find((a) => alertLevel(a) === 'CRITICAL');
  if (critical) return { health: 'CRITICAL', reason: critical.message };
  if (row.consecutiveFailures >= 3) {
    return { health: 'CRITICAL', reason: `${row.consecutiveFailures} failed runs in a row` };
  }
  if (own[0]) return { health: 'WARNING', reason: own[0].message };
  if (row.lastOutcome === 'FAILED') {
    return { health: 'WARNING', reason: `Last run failed: ${row.lastError ?? 'unknown error'}` };
  }
  if (row.lastOutcome === 'PARTIAL') {
    return { health: 'WARNING', reason: `Last run partly failed: ${row.lastError ?? ''}`.trim() };
  }
  if (!row.active) return { health: 'WARNING', reason: 'Paused: scheduled runs are off' };
  if (row.nextRunAt && !row.running && now.getTime() - row.nextRunAt.getTime() > OVERDUE_MS) {
    return { health: 'WARNING', reason: 'A scheduled run is overdue' };
  }
  if (!row.lastRunAt) return { health: 'HEALTHY', reason: 'Waiting for its first run' };
  return { health: 'HEALTHY', reason: 'Last run succeeded' };
}
