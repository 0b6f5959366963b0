import { ne, sql } from 'drizzle-orm';
import { alerts } from '../db/schema';
import type { Database } from '../db/types';
import { syncMetrics } from './metrics';
import type { SyncMetrics } from './metrics';
import { listJobStatus } from './sync-status';

/** Client device flush aggregates (F24) as exposed in /api/metrics. */
export interface DeviceAggregates {
  itemsPerMinute: number;
  /** 0–1. */
  successRate: number;
  avgWaitSeconds: number;
  reports: number;
  devices: number;
}

/** Reads the device aggregates (issue #9's metrics store); null when there is nothing yet. */
export type DeviceMetricsSource = (db: Database) => Promise<DeviceAggregates | null>;

const SOURCE = Symbol.for('courtsync.server.deviceMetricsSource');
type Holder = typeof globalThis & { [SOURCE]?: DeviceMetricsSource };

/**
 * Plugs in where /api/metrics reads the client device metrics aggregates from. The seam for
 * issue #9's `POST /api/v1/sync/background/metrics` store: register its aggregate reader here.
 */
export function setDeviceMetricsSource(source: DeviceMetricsSource | undefined): void {
  (globalThis as Holder)[SOURCE] = source;
}

/** Sets the database-backed gauges (status rows, alerts, device aggregates) to their values now. */
async function refreshGauges(db: Database, metrics: SyncMetrics): Promise<void> {
  for (const row of await listJobStatus(db)) {
    metrics.consecutiveFailures.set({ job: row.job }, row.consecutiveFailures);
    metrics.jobActive.set({ job: row.job }, row.active ? 1 : 0);
    const lastOk = row.lastOutcome === 'SUCCESS' ? row.lastFinishedAt : null;
    if (lastOk) metrics.lastSuccess.set({ job: row.job }, lastOk.getTime() / 1000);
    else metrics.lastSuccess.set({ job: row.job }, 0);
  }
  const counts = await db
    .select({ severity: alerts.severity, n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(ne(alerts.status, 'RESOLVED'))
    .groupBy(alerts.severity);
  for (const severity of ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const) {
    metrics.alertsActive.set({ severity }, counts.find((c) => c.severity === severity)?.n ?? 0);
  }
  const source = (globalThis as Holder)[SOURCE];
  const device = source ? await source(db) : null;
  if (device) {
    metrics.device.set({ measure: 'items_per_minute' }, device.itemsPerMinute);
    metrics.device.set({ measure: 'success_rate' }, device.successRate);
    metrics.device.set({ measure: 'avg_wait_seconds' }, device.avgWaitSeconds);
    metrics.device.set({ measure: 'reports' }, device.reports);
    metrics.device.set({ measure: 'devices' }, device.devices);
  }
}

/** The Prometheus text exposition (F34) with its content type. */
export async function renderMetrics(
  db: Database,
  metrics: SyncMetrics = syncMetrics(),
): Promise<{ body: string; contentType: string }> {
  await refreshGauges(db, metrics);
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
