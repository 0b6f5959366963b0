/** Sync monitoring (F32–F37): status, error log, metrics, alerts, manual runs. */
export { SyncMonitor } from './monitor';
export type { SyncMonitorOptions } from './monitor';
export { createMonitoringRuntime, appMonitoring, DEFAULT_JOBS } from './runtime';
export type { MonitoringRuntime, MonitoredRunner, MonitoringRuntimeOptions } from './runtime';
export type { JobRunObserver, JobRunReport, RunFailure, ManualJobRunner } from './run-report';
export { linkUpstreamSync } from './upstream-link';
export type { UpstreamLink, UpstreamLinkOptions } from './upstream-link';
export { setDeviceMetricsSource, renderMetrics } from './metrics-scrape';
export type { DeviceAggregates, DeviceMetricsSource } from './metrics-scrape';
export { syncMetrics } from './metrics';
export { signWebhook, verifyWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook';
export { isJobActive, setJobActive } from './sync-status';
