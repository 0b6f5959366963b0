/** Paths of the API, shared by the client, the service worker and the server. */
export const API = {
  push: '/api/v1/sync/push',
  pull: '/api/v1/sync/pull',
  stream: '/api/v1/sync/stream',
  connectivityTest: '/api/v1/sync/connectivity-test',
  tournaments: '/api/v1/tournaments',
  match: (id: string) => `/api/v1/matches/${encodeURIComponent(id)}`,
  matchEvents: (id: string) => `/api/v1/matches/${encodeURIComponent(id)}/events`,
  health: '/api/health',
  metrics: '/api/metrics',
  healthOverview: '/api/v1/sync/monitoring/health-overview',
  performanceHistory: '/api/v1/sync/monitoring/performance-history',
  tournamentSync: '/api/v1/sync/monitoring/tournaments',
  alerts: '/api/v1/sync/monitoring/alerts',
  acknowledgeAlert: (id: number) => `/api/v1/sync/monitoring/alerts/${id}/acknowledge`,
  syncErrors: '/api/v1/sync/monitoring/errors',
  resolveSyncError: (id: number) => `/api/v1/sync/monitoring/errors/${id}/resolve`,
  manualTrigger: '/api/v1/sync/admin/manual-trigger',
  manualTriggerRun: (id: string) => `/api/v1/sync/admin/manual-trigger/${encodeURIComponent(id)}`,
  auditLog: '/api/v1/sync/admin/audit-log',
  alertRules: '/api/v1/sync/admin/alert-rules',
  alertRule: (id: string) => `/api/v1/sync/admin/alert-rules/${encodeURIComponent(id)}`,
  pauseJob: (job: string) => `/api/v1/sync/admin/jobs/${encodeURIComponent(job)}/pause`,
  resumeJob: (job: string) => `/api/v1/sync/admin/jobs/${encodeURIComponent(job)}/resume`,
} as const;

/** Background Sync tag the page registers after every write and the worker answers. */
export const SYNC_TAG = 'courtsync-outbox';
